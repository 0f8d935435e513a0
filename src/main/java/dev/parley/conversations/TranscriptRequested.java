package dev.parley.conversations;

import java.time.Instant;

/**
 * A visitor asked to get the transcript of his conversation by e-mail: at once when the
 * conversation is closed already ({@code closed}), else when it closes. The address is
 * not in the event (stored publications would keep it in plain text):
 * {@link ConversationMail#transcriptRequest} reads it.
 */
public record TranscriptRequested(long conversationId, long visitorId, boolean closed, Instant at) {
}
