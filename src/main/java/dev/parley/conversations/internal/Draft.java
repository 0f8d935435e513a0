package dev.parley.conversations.internal;

import java.time.Instant;

import dev.parley.conversations.MessageKind;
import dev.parley.conversations.Side;
import dev.parley.conversations.TimelineEvent;

/**
 * Something to append to a transcript, before it has a number.
 *
 * @param senderName the name customers see (an agent's public name, a group's name for a
 * transfer to a group); null for visitors
 */
record Draft(String clientId, Side side, Long senderId, String senderName, MessageKind kind, String body,
		Long attachmentId, TimelineEvent eventType, String eventBy, Long eventFromId, String eventFromName) {

	Draft(String clientId, Side side, Long senderId, String senderName, MessageKind kind, String body,
			Long attachmentId, TimelineEvent eventType, String eventBy) {
		this(clientId, side, senderId, senderName, kind, body, attachmentId, eventType, eventBy, null, null);
	}

	static Draft text(String clientId, Side side, Long senderId, String senderName, String body) {
		return new Draft(clientId, side, senderId, senderName, MessageKind.TEXT, body, null, null, null);
	}

	static Draft attachment(String clientId, Side side, Long senderId, String senderName, long attachmentId) {
		return new Draft(clientId, side, senderId, senderName, MessageKind.ATTACHMENT, null, attachmentId, null, null);
	}

	/**
	 * An event line.
	 * @param staffId the staff member it names (who took it, whom it went to, who closed
	 * it), or null
	 * @param name what the visitor reads for that staff member (the public name) or group
	 */
	static Draft event(TimelineEvent type, String by, Long staffId, String name) {
		return new Draft(null, Side.SYSTEM, staffId, name, MessageKind.EVENT, null, null, type, by);
	}

	/**
	 * The line "the file {@code fileName} (sent by e-mail) was not accepted", with the
	 * reason's code ({@code executable}, {@code type}, {@code too_large}).
	 */
	static Draft refusedFile(String clientId, String fileName, String reason) {
		return new Draft(clientId, Side.SYSTEM, null, fileName, MessageKind.EVENT, null, null,
				TimelineEvent.FILE_REFUSED, reason);
	}

	/**
	 * The line "{@code byId} took over the conversation from {@code fromId}", each with
	 * the name customers see.
	 */
	static Draft takeOver(long byId, String byName, long fromId, String fromName) {
		return new Draft(null, Side.SYSTEM, byId, byName, MessageKind.EVENT, null, null, TimelineEvent.TAKEN_OVER,
				"agent", fromId, fromName);
	}

	/**
	 * The message this draft becomes as number {@code seq}, not yet stored (id 0).
	 */
	Message toMessage(long conversationId, long seq, Instant at) {
		return new Message(0, conversationId, seq, this.clientId, this.side, this.senderId, this.senderName, this.kind,
				this.body, this.attachmentId, this.eventType, this.eventBy, at, this.eventFromId, this.eventFromName);
	}

}
