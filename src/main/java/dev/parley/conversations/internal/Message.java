package dev.parley.conversations.internal;

import java.time.Instant;

/**
 * One entry of a transcript, numbered without gaps within its conversation.
 *
 * @param kind {@code text}, {@code attachment} or {@code event}
 * @param senderKind {@code visitor}, {@code agent} or {@code system}
 */
public record Message(long id, long conversationId, long seq, String clientId, String senderKind, Long senderId,
		String senderName, String kind, String body, Long attachmentId, String eventType, String eventBy,
		Instant createdAt) {

	public static final String TEXT = "text";

	public static final String ATTACHMENT = "attachment";

	public static final String EVENT = "event";

	public static final String VISITOR = "visitor";

	public static final String AGENT = "agent";

	public static final String SYSTEM = "system";

	/** This message as stored, under its id. */
	Message withId(long newId) {
		return new Message(newId, this.conversationId, this.seq, this.clientId, this.senderKind, this.senderId,
				this.senderName, this.kind, this.body, this.attachmentId, this.eventType, this.eventBy, this.createdAt);
	}

}
