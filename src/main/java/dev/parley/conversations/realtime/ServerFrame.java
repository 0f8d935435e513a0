package dev.parley.conversations.realtime;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.conversations.Side;
import dev.parley.conversations.internal.Notes.NoteView;
import dev.parley.conversations.views.ChatViews.MessageView;

/**
 * Every frame the server sends (docs/protocol.md, "Server frames"): one record per type,
 * serialised as a JSON object whose first property is {@code type}.
 */
@JsonPropertyOrder({ "type" })
sealed interface ServerFrame {

	@JsonProperty("type")
	String type();

	/** The connection is usable. */
	record Ready(String role, Long visitorId, Long userId, int heartbeatSeconds) implements ServerFrame {

		static Ready visitor(long visitorId) {
			return new Ready("visitor", visitorId, null, Gateway.HEARTBEAT_SECONDS);
		}

		static Ready staff(long userId) {
			return new Ready("staff", null, userId, Gateway.HEARTBEAT_SECONDS);
		}

		@Override
		public String type() {
			return "ready";
		}

	}

	/** A message is stored under {@code seq}. */
	record Ack(String ref, long conversationId, String clientId, long seq, long messageId, Instant createdAt,
			boolean duplicate) implements ServerFrame {

		@Override
		public String type() {
			return "ack";
		}

	}

	/** A new message, or one replayed by {@code sync}. */
	record Message(long conversationId, MessageView message) implements ServerFrame {

		@Override
		public String type() {
			return "message";
		}

	}

	/** A replay has finished. */
	record Synced(long conversationId, long lastSeq, String ref) implements ServerFrame {

		@Override
		public String type() {
			return "synced";
		}

	}

	/** The other side's typing state. */
	record Typing(long conversationId, Side side, String name, boolean typing) implements ServerFrame {

		@Override
		public String type() {
			return "typing";
		}

	}

	/** The other side has read up to {@code seq}. */
	record Read(long conversationId, Side side, long seq) implements ServerFrame {

		@Override
		public String type() {
			return "read";
		}

	}

	/** The other side connected or left. */
	record Presence(long conversationId, Side side, boolean online) implements ServerFrame {

		@Override
		public String type() {
			return "presence";
		}

	}

	/**
	 * A conversation's status or assignee changed (a staff view or a visitor view).
	 */
	record Conversation(Object conversation) implements ServerFrame {

		@Override
		public String type() {
			return "conversation";
		}

	}

	/** An internal note (staff only). */
	record Note(long conversationId, NoteView note) implements ServerFrame {

		@Override
		public String type() {
			return "note";
		}

	}

	/** A note that mentions the staff member. */
	record Mention(long conversationId, NoteView note) implements ServerFrame {

		@Override
		public String type() {
			return "mention";
		}

	}

	/**
	 * A note mentions the staff member on a conversation he may not read: only that, for
	 * his mentions list, without the note.
	 */
	record Mentioned(long conversationId) implements ServerFrame {

		@Override
		public String type() {
			return "mentioned";
		}

	}

	/**
	 * Live events may have been missed: send {@code sync} for every conversation shown.
	 */
	record Resync() implements ServerFrame {

		@Override
		public String type() {
			return "resync";
		}

	}

	/** The answer to {@code ping}. */
	record Pong() implements ServerFrame {

		@Override
		public String type() {
			return "pong";
		}

	}

	/** A frame was refused; nothing was stored. */
	record Error(String code, String message, String ref) implements ServerFrame {

		@Override
		public String type() {
			return "error";
		}

	}

	/**
	 * Parley enters maintenance mode: the connection is closed next (1012); reconnect
	 * with backoff, new connections are refused until it is over.
	 */
	record Maintenance(String reason, String message, Instant since, int retryAfterSeconds) implements ServerFrame {

		@Override
		public String type() {
			return "maintenance";
		}

	}

	/**
	 * Something the console shows changed (e.g. {@code tickets}: the ticket views'
	 * counts): read it again. No data, so it cannot tell more than the reader may see.
	 */
	record Refresh(String topic) implements ServerFrame {

		@Override
		public String type() {
			return "refresh";
		}

	}

}
