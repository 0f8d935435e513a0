package dev.parley.tickets.internal;

import java.time.Instant;

import dev.parley.tickets.PendingOn;
import dev.parley.tickets.TicketOrigin;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.TicketType;

/**
 * A ticket as stored.
 *
 * @param pendingOn whom a pending ticket waits on; null unless pending
 * @param dueAt a due date set by hand, or null
 * @param slaDueAt the earliest running SLA due time, or null
 * @param mergedIntoId the ticket it was merged into, or null
 * @param version raised by every change (optimistic locking)
 */
public record Ticket(long id, String number, String subject, String description, long customerId, TicketOrigin origin,
		TicketType type, Long categoryId, TicketPriority priority, TicketStatus status, PendingOn pendingOn,
		Long groupId, Long assigneeId, Instant dueAt, Instant slaDueAt, Long slaPolicyId, Long mergedIntoId,
		Long parentId, Instant createdAt, Instant updatedAt, Instant firstRespondedAt, Instant lastCustomerReplyAt,
		Instant lastAgentReplyAt, Instant solvedAt, Instant closedAt, String createdBy, int version) {

	/**
	 * @return the number people say on the phone: T-2026-000123
	 */
	public static String number(long id, int year) {
		return "T-" + year + "-" + String.format("%06d", id);
	}

}
