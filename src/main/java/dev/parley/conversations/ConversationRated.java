package dev.parley.conversations;

import java.time.Instant;

/**
 * The visitor rated a closed conversation (CSAT).
 *
 * @param score 1 (bad) to 5 (very good)
 * @param commented whether a comment came with it (the text stays in the conversation)
 */
public record ConversationRated(long conversationId, Long assigneeId, int score, boolean commented, Instant at) {
}
