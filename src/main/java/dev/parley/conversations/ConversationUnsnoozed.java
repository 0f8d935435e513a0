package dev.parley.conversations;

import java.time.Instant;

/**
 * A snoozed conversation is back in its agent's active list, for the {@code reason}
 * given.
 *
 * @param assigneeId the agent it was snoozed by; after a transfer, the agent it was with
 * before
 */
public record ConversationUnsnoozed(long conversationId, Long assigneeId, SnoozeEnd reason, Instant at) {
}
