package dev.parley.tickets.internal.sla;

/** Which time an SLA policy counts. */
public enum SlaCalendar {

	/** The business hours and holidays of the ticket's group. */
	BUSINESS,
	/** Around the clock. */
	ALWAYS

}
