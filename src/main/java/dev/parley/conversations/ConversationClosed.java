package dev.parley.conversations;

import java.time.Instant;

/**
 * A conversation closed: by an agent, the visitor or the inactivity timeout. The hook for
 * sending the transcript by e-mail, for statistics, and for routing (the agent has room
 * again).
 *
 * @param assigneeId the agent it was assigned to; null when it closed while waiting
 * @param closedByUserId the staff member who closed it, when {@code closedBy} is
 * {@link ClosedBy#AGENT}
 */
public record ConversationClosed(long conversationId, long channelId, long visitorId, Long assigneeId,
		ClosedBy closedBy, Long closedByUserId, Instant closedAt) {
}
