package dev.parley.conversations.internal;

import java.time.Instant;

import dev.parley.conversations.MessageKind;
import dev.parley.conversations.Side;
import dev.parley.conversations.TimelineEvent;

/**
 * One line of a transcript, numbered without gaps within its conversation.
 *
 * @param senderId the visitor's id for {@link Side#VISITOR}; for {@link Side#AGENT} the
 * staff member who wrote it, and for an event line ({@link Side#SYSTEM}) the staff member
 * it names (who took it, whom it went to, who closed it), if any
 * @param senderName for an agent's message and an event line naming a staff member: the
 * name customers see (the agent's public name at the time); for a transfer to a group,
 * the group's name
 * @param eventBy for event lines: who caused it ({@code agent}, {@code visitor},
 * {@code timeout}, or for transfers {@code agent} or {@code group}: where it went)
 * @param eventFromId for a take-over line: the agent it was taken from (the line's sender
 * is the one who took it); otherwise null
 * @param eventFromName the public name of that agent at the time, for the visitor
 */
public record Message(long id, long conversationId, long seq, String clientId, Side side, Long senderId,
		String senderName, MessageKind kind, String body, Long attachmentId, TimelineEvent eventType, String eventBy,
		Instant createdAt, Long eventFromId, String eventFromName) {

	/** A line that names no second staff member (every line but a take-over). */
	public Message(long id, long conversationId, long seq, String clientId, Side side, Long senderId, String senderName,
			MessageKind kind, String body, Long attachmentId, TimelineEvent eventType, String eventBy,
			Instant createdAt) {
		this(id, conversationId, seq, clientId, side, senderId, senderName, kind, body, attachmentId, eventType,
				eventBy, createdAt, null, null);
	}

	/** This message as stored, under its id. */
	Message withId(long newId) {
		return new Message(newId, this.conversationId, this.seq, this.clientId, this.side, this.senderId,
				this.senderName, this.kind, this.body, this.attachmentId, this.eventType, this.eventBy, this.createdAt,
				this.eventFromId, this.eventFromName);
	}

}
