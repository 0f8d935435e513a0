package dev.parley.tickets.internal.sla;

/** Where an SLA clock is, as the ticket shows it. */
public enum ClockState {

	/** Counting working time towards its due time. */
	RUNNING,
	/** Stopped for a while (pending on the customer); its due time is open. */
	PAUSED,
	/** The target was met in time. */
	MET,
	/** The due time passed before the target was met (whether met later or not). */
	BREACHED

}
