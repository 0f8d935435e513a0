package dev.parley.tickets.internal.sla;

import dev.parley.tickets.PendingOn;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.TicketType;

/**
 * What the SLA clocks need to know of a ticket: what selects its policy and what pauses
 * or stops its clocks.
 *
 * @param pendingOn whom a pending ticket waits on, or null
 * @param groupId its group, or null
 */
public record TicketFacts(long id, TicketStatus status, PendingOn pendingOn, TicketPriority priority, TicketType type,
		Long groupId, long customerId) {

	/** Solved or closed: no target runs. */
	boolean finished() {
		return this.status == TicketStatus.SOLVED || this.status == TicketStatus.CLOSED;
	}

	/** Waiting on the customer: every clock is paused. */
	boolean paused() {
		return this.status == TicketStatus.PENDING && this.pendingOn == PendingOn.CUSTOMER;
	}

	/** Whether the facts that choose the policy differ. */
	boolean selectsLike(TicketFacts other) {
		return this.priority == other.priority && this.type == other.type
				&& java.util.Objects.equals(this.groupId, other.groupId) && this.customerId == other.customerId;
	}

}
