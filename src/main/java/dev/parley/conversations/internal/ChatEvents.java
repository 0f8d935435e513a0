package dev.parley.conversations.internal;

import java.util.Set;

import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.Side;
import dev.parley.conversations.views.ChatViews.ConversationView;
import dev.parley.conversations.views.ChatViews.MessagePair;
import dev.parley.conversations.views.ChatViews.VisitorConversationView;

/**
 * What the live event bus carries from the chat service to the realtime gateway of every
 * node, after the change has committed. Plain records, so a broker can carry them as
 * JSON. These are not module events: they feed sockets and may be lost (a client that
 * misses one catches up with {@code sync}); what other modules rely on goes through the
 * event publication registry.
 */
public final class ChatEvents {

	private ChatEvents() {
	}

	/**
	 * Who may see a conversation's events, as of a committed change: its status and
	 * assignee, and the conversation's last sequence number then, which orders these
	 * states (every change of status or assignee adds a transcript line).
	 */
	public record Access(long conversationId, ConversationStatus status, Long assigneeId, long version) {

		public static Access of(Conversation c) {
			return new Access(c.id(), c.status(), c.assigneeId(), c.lastSeq());
		}

	}

	/** A message was stored. */
	public record MessageAdded(MessagePair message, Access access) {
	}

	/**
	 * A conversation's status, assignee or rating changed, or it was created.
	 *
	 * @param forVisitor what its visitor is told; null for a change only staff hear of (a
	 * snooze)
	 */
	public record ConversationChanged(ConversationView conversation, VisitorConversationView forVisitor) {

		public Access access() {
			return new Access(this.conversation.id(), this.conversation.status(),
					(this.conversation.assignee() != null) ? this.conversation.assignee().id() : null,
					this.conversation.lastSeq());
		}

	}

	/** An internal note was added; for staff only. */
	public record NoteAdded(Notes.NoteView note, Access access) {
	}

	/**
	 * One side started or stopped typing; not stored.
	 *
	 * @param name for an agent, the public name (the visitor sees it)
	 */
	public record Typing(long conversationId, Side side, String name, boolean typing) {
	}

	/** One side has read up to a sequence number. */
	public record Read(long conversationId, Side side, long seq) {
	}

	/**
	 * The first connection of a side to a conversation opened, or its last one closed.
	 */
	public record Presence(long conversationId, Side side, boolean online) {
	}

	/**
	 * What staff members may do changed (permissions, role, password, disabled, deleted,
	 * signed out): every node re-checks their open connections at once.
	 *
	 * @param end whether their connections end (password changed, disabled, deleted,
	 * signed out) rather than being checked again
	 * @param sessionId when only one session ended (a sign-out), its id; else null
	 */
	public record StaffAccessChanged(Set<Long> userIds, boolean end, String sessionId) {
	}

}
