package dev.parley.conversations;

import java.time.Instant;

/**
 * Published (as a Spring application event, after commit) when a conversation enters the
 * queue: a visitor started it, or wrote again after it closed and nobody was assigned.
 */
public record ConversationWaiting(long conversationId, long channelId, Long groupId, Instant since) {
}
