package dev.parley.tickets;

import java.time.Instant;

/**
 * Something was written on a ticket: the customer's message, a public reply, an internal
 * note (published in the writing transaction).
 *
 * @param kind CUSTOMER, REPLY, NOTE or SYSTEM
 * @param authorStaffId the staff member who wrote it, or null
 */
public record TicketArticleAdded(long ticketId, long articleId, String kind, Long authorStaffId, Instant at) {
}
