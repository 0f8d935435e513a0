package dev.parley.conversations.internal;

import java.time.Clock;
import java.time.Instant;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.conversations.ConversationTransferred;
import dev.parley.conversations.ConversationUnsnoozed;
import dev.parley.conversations.SnoozeEnd;
import dev.parley.conversations.PublicNames;
import dev.parley.conversations.views.ChatViews;
import dev.parley.conversations.views.ChatViews.ConversationView;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A supervisor takes an agent's conversation for himself (needs
 * {@code conversation.view_all} to reach it and {@code conversation.reply} to answer it).
 * Not a plain transfer: the transcript says "X took over the conversation from Y" (each
 * by the public name for the visitor), the audit log records {@value #AUDIT_ACTION}, and
 * {@link ConversationTransferred#takenOver()} tells listeners.
 */
@Component
public class TakeOver {

	static final String AUDIT_ACTION = "conversation.taken_over";

	private final ConversationRepository conversations;

	private final ConversationAccess access;

	private final Transcript transcript;

	private final Notes notes;

	private final ChatViews views;

	private final PublicNames publicNames;

	private final StaffDirectory staff;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	TakeOver(ConversationRepository conversations, ConversationAccess access, Transcript transcript, Notes notes,
			ChatViews views, PublicNames publicNames, StaffDirectory staff, AuditLog auditLog,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.conversations = conversations;
		this.access = access;
		this.transcript = transcript;
		this.notes = notes;
		this.views = views;
		this.publicNames = publicNames;
		this.staff = staff;
		this.auditLog = auditLog;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * @throws ApiException not_found when the actor may not read the conversation,
	 * forbidden without the permissions, 409 when it is closed, waiting (take it instead)
	 * or already the actor's
	 * @param note an internal note written with it (as with a transfer), or null
	 */
	public ConversationView takeOver(StaffActor actor, long conversationId, String note) {
		Conversation c = this.access.forStaff(actor, conversationId);
		actor.require(Permission.CONVERSATION_VIEW_ALL);
		actor.require(Permission.CONVERSATION_REPLY);
		check(actor, c);
		String noteText = (note != null && !note.isBlank()) ? Notes.check(note) : null;
		String byName = this.publicNames.publicName(actor.id());
		Instant now = Instant.ofEpochMilli(this.clock.millis());
		this.transactions.executeWithoutResult((tx) -> {
			Conversation locked = this.conversations.lock(conversationId).orElseThrow();
			check(actor, locked);
			long fromId = locked.assigneeId();
			Long noteId = (noteText != null) ? this.notes.addInTransaction(actor, locked, noteText).id() : null;
			this.conversations.assignTo(conversationId, actor.id(), now);
			this.transcript.appendLine(locked,
					Draft.takeOver(actor.id(), byName, fromId, this.publicNames.publicName(fromId)), now);
			this.events.publishEvent(new ConversationTransferred(conversationId, fromId, actor.id(), null, actor.id(),
					noteId, now, true));
			if (locked.snoozed()) {
				// assignTo ended the previous agent's snooze
				this.events.publishEvent(new ConversationUnsnoozed(conversationId, fromId, SnoozeEnd.TRANSFERRED, now));
			}
			String from = this.staff.member(fromId).map(StaffDirectory.StaffMember::username).orElse("#" + fromId);
			this.auditLog.record(actor.username(), AUDIT_ACTION, "#" + conversationId, AuditResult.SUCCESS, from);
		});
		return this.views.conversation(this.conversations.findById(conversationId).orElseThrow(), true);
	}

	private static void check(StaffActor actor, Conversation c) {
		if (c.closed()) {
			throw ApiException.conflict("conversation_closed", "The conversation is closed");
		}
		if (c.assigneeId() == null) {
			throw ApiException.conflict("conversation_waiting",
					"The conversation is waiting for an agent: take it instead");
		}
		if (c.assignedTo(actor.id())) {
			throw ApiException.conflict("already_assigned", "The conversation is already assigned to you");
		}
	}

}
