package dev.parley.conversations;

import java.time.Instant;

/**
 * A visitor asked to get the transcript of his conversation by e-mail: at once when the
 * conversation is closed already ({@code closed}), else when it closes.
 */
public record TranscriptRequested(long conversationId, long visitorId, String email, boolean closed, Instant at) {
}
