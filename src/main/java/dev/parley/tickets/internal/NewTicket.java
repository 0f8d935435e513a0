package dev.parley.tickets.internal;

import java.time.Instant;
import java.util.Set;

import dev.parley.tickets.TicketOrigin;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketType;

/**
 * A ticket to create, checked.
 *
 * @param conversationId the conversation it is made from (linked), or null
 */
public record NewTicket(String subject, String description, long customerId, TicketOrigin origin, TicketType type,
		Long categoryId, TicketPriority priority, Long groupId, Long assigneeId, Instant dueAt, Set<String> tags,
		Set<Long> followers, Long conversationId) {

	public NewTicket {
		tags = (tags != null) ? Set.copyOf(tags) : Set.of();
		followers = (followers != null) ? Set.copyOf(followers) : Set.of();
	}

	/** A ticket with only what every origin has; the rest at its defaults. */
	public static NewTicket of(String subject, String description, long customerId, TicketOrigin origin) {
		return new NewTicket(subject, description, customerId, origin, TicketType.QUESTION, null, TicketPriority.NORMAL,
				null, null, null, Set.of(), Set.of(), null);
	}

	public NewTicket inGroup(Long group) {
		return new NewTicket(this.subject, this.description, this.customerId, this.origin, this.type, this.categoryId,
				this.priority, group, this.assigneeId, this.dueAt, this.tags, this.followers, this.conversationId);
	}

	public NewTicket fromConversation(Long conversation) {
		return new NewTicket(this.subject, this.description, this.customerId, this.origin, this.type, this.categoryId,
				this.priority, this.groupId, this.assigneeId, this.dueAt, this.tags, this.followers, conversation);
	}

}
