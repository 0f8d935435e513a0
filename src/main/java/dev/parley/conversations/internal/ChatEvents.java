package dev.parley.conversations.internal;

import dev.parley.conversations.views.ChatViews;
import dev.parley.conversations.views.ChatViews.ConversationView;
import dev.parley.conversations.views.ChatViews.MessageView;

/**
 * What the event bus carries between the chat service and the realtime gateways of every
 * node. Plain records, so a broker can carry them as JSON.
 */
public final class ChatEvents {

	private ChatEvents() {
	}

	/**
	 * A message was stored (after commit).
	 *
	 * @param waiting whether the conversation is in the queue, so every agent who may
	 * take it sees its latest message
	 */
	public record MessageAdded(MessageView message, boolean waiting) {
	}

	/** A conversation's status, assignee or rating changed, or it was created. */
	public record ConversationChanged(ConversationView conversation) {
	}

	/** An internal note was added; for staff only. */
	public record NoteAdded(Notes.NoteView note) {
	}

	/** One side started or stopped typing; not stored. */
	public record Typing(long conversationId, String side, String name, boolean typing) {
	}

	/** One side has read up to a sequence number. */
	public record Read(long conversationId, String side, long seq) {
	}

	/**
	 * The first connection of a side to a conversation opened, or its last one closed.
	 */
	public record Presence(long conversationId, String side, boolean online) {
	}

}
