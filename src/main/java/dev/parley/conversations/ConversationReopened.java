package dev.parley.conversations;

import java.time.Instant;

/**
 * The visitor wrote again shortly after a conversation closed, and it opened again: with
 * its agent ({@link ConversationStatus#ASSIGNED}), or in the queue
 * ({@link ConversationStatus#WAITING}, and a {@link ConversationWaiting} follows).
 */
public record ConversationReopened(long conversationId, Long assigneeId, ConversationStatus status, Instant at) {
}
