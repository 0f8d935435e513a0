package dev.parley.conversations;

import java.time.Instant;

/**
 * A conversation was anonymised (a data subject's erasure, or retention): modules that
 * keep copies of its texts or its visitor's address (the notifications' outbox and log)
 * forget them.
 */
public record ConversationAnonymised(long conversationId, Instant at) {
}
