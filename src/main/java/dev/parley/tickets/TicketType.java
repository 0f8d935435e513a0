package dev.parley.tickets;

/** What a ticket is about; complaints (R8.1) need {@code complaint.handle}. */
public enum TicketType {

	QUESTION, INCIDENT, COMPLAINT, REQUEST

}
