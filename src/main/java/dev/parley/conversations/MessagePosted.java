package dev.parley.conversations;

import java.time.Instant;

/**
 * A line was added to a transcript: a visitor's or an agent's message (text or file), or
 * an event line. One event per line, numbered without gaps within its conversation.
 *
 * @param seq the line's number in its conversation
 * @param authorId the visitor's id for {@link Side#VISITOR}, the staff member's for
 * {@link Side#AGENT}, null for {@link Side#SYSTEM}
 */
public record MessagePosted(long conversationId, long messageId, long seq, Side side, Long authorId, MessageKind kind,
		Instant at) {
}
