package dev.parley.tickets.internal.sla;

/** What an SLA measures: the first reply, each next reply, the solution. */
public enum SlaTarget {

	/** From the ticket's creation to the first public reply. */
	FIRST_RESPONSE,
	/** From a customer's message (after the first reply) to the next public reply. */
	NEXT_RESPONSE,
	/** From the ticket's creation to its solution. */
	RESOLUTION

}
