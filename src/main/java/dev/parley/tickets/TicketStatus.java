package dev.parley.tickets;

/**
 * Where a ticket is in its flow: new, open, pending (waiting on the customer or a third
 * party), solved (the customer may still reply, which reopens it), closed (final; a reply
 * starts a follow-up).
 */
public enum TicketStatus {

	NEW, OPEN, PENDING, SOLVED, CLOSED;

	/**
	 * @return whether work on the ticket is finished (solved or closed)
	 */
	public boolean finished() {
		return this == SOLVED || this == CLOSED;
	}

}
