package dev.parley.conversations.internal;

import java.time.Instant;

/**
 * A file sent in a conversation. {@code publicId} (128 random bits) is its only name in
 * URLs; every download is checked against the conversation anyway.
 */
public record Attachment(long id, String publicId, long conversationId, String fileName, String contentType, long size,
		boolean image, Integer width, Integer height, Instant createdAt) {
}
