package dev.parley.conversations;

import java.time.Instant;
import java.util.List;

/**
 * A staff member wrote an internal note on a conversation (never shown to the visitor),
 * mentioning colleagues with {@code @username}.
 *
 * @param mentionedUserIds the colleagues mentioned, each once, in order of mention
 */
public record NoteAdded(long conversationId, long noteId, long authorId, List<Long> mentionedUserIds, Instant at) {
}
