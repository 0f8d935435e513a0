package dev.parley.conversations.internal;

import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.GroupDirectory;
import dev.parley.conversations.internal.ConversationLists.Scope;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;
import dev.parley.platform.ApiException;

import org.springframework.stereotype.Component;

/**
 * Who may read and write which conversation: the one rule that REST calls and every live
 * frame are checked against, at the moment they are answered or sent.
 * <ul>
 * <li>a visitor: their own conversations;</li>
 * <li>staff with {@code conversation.view_all} or {@code conversation.monitor}: every
 * conversation;</li>
 * <li>an agent with {@code conversation.reply}: waiting conversations (to take one), and
 * those assigned to them;</li>
 * <li>the assignee with {@code conversation.view} but no longer {@code reply}: their own
 * conversations, to read; without either permission, nothing;</li>
 * <li>to read as a transcript, besides: an agent's conversations of the past and those of
 * his groups, and those whose notes mention him ({@link ConversationLists.Scope}); he may
 * add notes to these last.</li>
 * </ul>
 * Refusals say {@code not_found}: a conversation one may not read is not told apart from
 * one that does not exist.
 */
@Component
public class ConversationAccess implements dev.parley.conversations.ConversationVisibility {

	private final ConversationRepository conversations;

	private final ConversationLists lists;

	private final GroupDirectory groups;

	ConversationAccess(ConversationRepository conversations, ConversationLists lists, GroupDirectory groups) {
		this.conversations = conversations;
		this.lists = lists;
		this.groups = groups;
	}

	/** The visitor's own conversation, or not_found (also for someone else's). */
	public Conversation forVisitor(VisitorIdentity visitor, long conversationId) {
		return this.conversations.findById(conversationId)
			.filter((c) -> c.visitorId() == visitor.visitorId())
			.orElseThrow(() -> ApiException.notFound("Conversation"));
	}

	/**
	 * A conversation the staff member may read (live, or as a transcript within his
	 * scope), or not_found.
	 */
	public Conversation forStaff(StaffActor actor, long conversationId) {
		return this.conversations.findById(conversationId)
			.filter((c) -> mayOpen(actor, c))
			.orElseThrow(() -> ApiException.notFound("Conversation"));
	}

	private boolean mayOpen(StaffActor actor, Conversation c) {
		return mayRead(actor, c.status(), c.assigneeId())
				|| (actor.canAny(Permission.CONVERSATION_REPLY, Permission.CONVERSATION_VIEW)
						&& this.lists.inScope(c.id(), scope(actor)));
	}

	/** Whether the staff member may open the conversation (as {@link #forStaff}). */
	@Override
	public boolean mayOpen(StaffActor actor, long conversationId) {
		return this.conversations.findById(conversationId).filter((c) -> mayOpen(actor, c)).isPresent();
	}

	/**
	 * A conversation the staff member may add a note to: one he may work on as it is now
	 * (the live rule), or one whose notes mention him; not the other transcripts of his
	 * scope. Otherwise not_found.
	 */
	public Conversation forNote(StaffActor actor, long conversationId) {
		return this.conversations.findById(conversationId)
			.filter((c) -> mayRead(actor, c.status(), c.assigneeId())
					|| (actor.can(Permission.CONVERSATION_REPLY) && this.lists.mentions(c.id(), actor.id())))
			.orElseThrow(() -> ApiException.notFound("Conversation"));
	}

	/**
	 * The transcripts the staff member may look up: null for everything (with
	 * {@code conversation.view_all} or {@code conversation.monitor}).
	 */
	Scope scope(StaffActor actor) {
		if (seesAll(actor)) {
			return null;
		}
		boolean agent = actor.can(Permission.CONVERSATION_REPLY);
		return new Scope(actor.id(), agent ? this.groups.groupsOf(actor.id()) : java.util.List.of(), agent);
	}

	/**
	 * The access rule, on a conversation's status and assignee as they are now.
	 */
	public static boolean mayRead(StaffActor actor, ConversationStatus status, Long assigneeId) {
		if (seesAll(actor)) {
			return true;
		}
		if (assigneeId != null && assigneeId == actor.id()) {
			return actor.canAny(Permission.CONVERSATION_REPLY, Permission.CONVERSATION_VIEW);
		}
		return status == ConversationStatus.WAITING && actor.can(Permission.CONVERSATION_REPLY);
	}

	/** May see every conversation, not only those waiting or assigned to them. */
	public static boolean seesAll(StaffActor actor) {
		return actor.canAny(Permission.CONVERSATION_VIEW_ALL, Permission.CONVERSATION_MONITOR);
	}

	/**
	 * Writing to a conversation needs {@code conversation.reply} and the conversation
	 * assigned to oneself.
	 */
	public static void checkMayWrite(StaffActor actor, Conversation c) {
		actor.require(Permission.CONVERSATION_REPLY);
		if (!c.assignedTo(actor.id())) {
			throw ApiException.conflict("not_assigned", "Take the conversation before replying");
		}
	}

}
