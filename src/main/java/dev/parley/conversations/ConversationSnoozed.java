package dev.parley.conversations;

import java.time.Instant;

/**
 * The agent of an assigned conversation put it aside: until {@code until}, or until the
 * customer writes ({@code untilReply}). It stays assigned to him (and counts against his
 * capacity, docs/decisions/0007); a {@link ConversationUnsnoozed} follows when it wakes.
 *
 * @param until when it wakes by itself; null when it waits only for the customer
 * @param untilReply whether it waits for the customer's next message
 */
public record ConversationSnoozed(long conversationId, long assigneeId, Instant until, boolean untilReply, Instant at) {
}
