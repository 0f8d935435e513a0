package dev.parley.tickets;

import java.time.Instant;

/** A ticket was created (published in the creating transaction). */
public record TicketCreated(long ticketId, String number, long customerId, TicketOrigin origin, TicketType type,
		TicketPriority priority, Long groupId, Long assigneeId, Instant at) {
}
