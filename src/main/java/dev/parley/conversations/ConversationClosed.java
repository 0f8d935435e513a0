package dev.parley.conversations;

import java.time.Instant;

/**
 * Published (as a Spring application event, after commit) when a conversation closes, by
 * an agent, the visitor or the inactivity timeout. The hook for sending the transcript by
 * e-mail once notifications exist, and for statistics.
 *
 * @param closedBy {@code agent}, {@code visitor} or {@code timeout}
 */
public record ConversationClosed(long conversationId, long channelId, long visitorId, Long assigneeId, String closedBy,
		Instant closedAt) {
}
