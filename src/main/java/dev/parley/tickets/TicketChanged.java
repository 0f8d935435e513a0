package dev.parley.tickets;

import java.time.Instant;
import java.util.List;

/**
 * A ticket's fields changed: status, assignment, priority and the rest (published in the
 * changing transaction).
 *
 * @param fields the names of the fields that changed, e.g. {@code status},
 * {@code assignee}
 * @param previousStatus its status before the change
 */
public record TicketChanged(long ticketId, List<String> fields, TicketStatus previousStatus, TicketStatus status,
		Long groupId, Long assigneeId, Instant at) {
}
