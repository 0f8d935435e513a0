package dev.parley.conversations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import dev.parley.conversations.ClosedBy;
import dev.parley.conversations.ConversationAssigned;
import dev.parley.conversations.ConversationClosed;
import dev.parley.conversations.ConversationStarted;
import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.ConversationTransferred;
import dev.parley.conversations.ConversationUnsnoozed;
import dev.parley.conversations.ConversationWaiting;
import dev.parley.conversations.GroupDirectory;
import dev.parley.conversations.PublicNames;
import dev.parley.conversations.SnoozeEnd;
import dev.parley.conversations.TimelineEvent;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.conversations.views.ChatViews;
import dev.parley.conversations.views.ChatViews.ConversationView;
import dev.parley.platform.Permission;
import dev.parley.platform.PersonalData;
import dev.parley.platform.StaffActor;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A conversation's life: started, waiting, assigned, transferred, closed, rated. Each
 * change runs in one transaction under the conversation's row lock (or as a
 * compare-and-set), adds its line to the transcript, and publishes its module event in
 * that transaction; the live events go out after it commits.
 */
@Service
public class ConversationLifecycle {

	private static final String TRANSFER_TO_AGENT = "agent";

	private static final String TRANSFER_TO_GROUP = "group";

	private final ConversationRepository conversations;

	private final ConversationAccess access;

	private final Transcript transcript;

	private final Notes notes;

	private final ChatViews views;

	private final ChatSettings settings;

	private final ConversationLists lists;

	private final StaffDirectory staff;

	private final GroupDirectory groups;

	private final PublicNames publicNames;

	private final ApplicationEventPublisher events;

	private final LiveFeed feed;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final PersonalData personal;

	ConversationLifecycle(ConversationRepository conversations, ConversationAccess access, Transcript transcript,
			Notes notes, ChatViews views, ChatSettings settings, ConversationLists lists, StaffDirectory staff,
			GroupDirectory groups, PublicNames publicNames, ApplicationEventPublisher events, LiveFeed feed,
			TransactionTemplate transactions, Clock clock, PersonalData personal) {
		this.personal = personal;
		this.conversations = conversations;
		this.access = access;
		this.transcript = transcript;
		this.notes = notes;
		this.views = views;
		this.settings = settings;
		this.lists = lists;
		this.staff = staff;
		this.groups = groups;
		this.publicNames = publicNames;
		this.events = events;
		this.feed = feed;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Starts a conversation of the visitor, inside the caller's transaction: waiting in
	 * the queue, or, for a message left for later, in the group's backlog.
	 */
	Conversation start(Visitor visitor, String question, Long groupId, boolean leftMessage) {
		Instant now = now();
		Conversation draft = new Conversation(0, visitor.channelId(), visitor.id(), ConversationStatus.WAITING, null,
				question, visitor.pageUrl(), visitor.referrer(), visitor.userAgent(), this.personal.seal(visitor.ip()),
				visitor.language(), now, null, null, null, now, null, 0, 0, 0, null, null, null, groupId,
				leftMessage ? now : null);
		Conversation started = this.conversations.findById(this.conversations.insert(draft)).orElseThrow();
		this.events.publishEvent(new ConversationStarted(started.id(), started.channelId(), started.visitorId(),
				started.groupId(), leftMessage, now));
		if (!leftMessage) {
			this.events.publishEvent(
					new ConversationWaiting(started.id(), started.channelId(), started.groupId(), started.createdAt()));
		}
		this.feed.changed(started.id());
		return started;
	}

	/** An agent takes a waiting conversation. */
	public ConversationView assign(StaffActor actor, long conversationId) {
		actor.require(Permission.CONVERSATION_REPLY);
		// Not forStaff(): an agent who lost the race for a waiting conversation may no
		// longer read it, and should hear "someone was faster" (409), not "no such
		// thing".
		Conversation c = this.conversations.findById(conversationId)
			.orElseThrow(() -> ApiException.notFound("Conversation"));
		if (!assignIfWaiting(c.id(), actor.id())) {
			throw ApiException.conflict("conflict", "The conversation is no longer waiting");
		}
		return this.views.conversation(this.conversations.findById(c.id()).orElseThrow(), true);
	}

	/**
	 * Assigns a waiting conversation (a compare-and-set, so it holds across nodes) and
	 * adds the "assigned" line. Joins the caller's transaction if there is one (routing
	 * holds the agent's row lock in it).
	 * @return false when the conversation is no longer waiting
	 */
	public boolean assignIfWaiting(long conversationId, long agentId) {
		Instant now = now();
		String name = this.publicNames.publicName(agentId);
		return Boolean.TRUE.equals(this.transactions.execute((tx) -> {
			if (!this.conversations.assignIfWaiting(conversationId, agentId, now)) {
				return false;
			}
			Conversation locked = this.conversations.lock(conversationId).orElseThrow();
			this.transcript.appendLine(locked, Draft.event(TimelineEvent.ASSIGNED, null, agentId, name), now);
			this.events.publishEvent(new ConversationAssigned(locked.id(), locked.channelId(), locked.groupId(),
					agentId, locked.createdAt(), now));
			return true;
		}));
	}

	/**
	 * Hands a conversation to another agent, or back to a group's queue, with an optional
	 * internal note written in the same transaction. The visitor sees a "transferred"
	 * line naming the agent by the public name.
	 */
	public ConversationView transfer(StaffActor actor, long conversationId, Long toAgentId, Long toGroupId,
			String note) {
		Conversation c = this.access.forStaff(actor, conversationId);
		boolean owner = c.assignedTo(actor.id()) && actor.can(Permission.CONVERSATION_TRANSFER);
		if (!owner && !actor.can(Permission.CONVERSATION_VIEW_ALL)) {
			throw StaffActor.forbidden(Permission.CONVERSATION_TRANSFER);
		}
		if (c.closed()) {
			throw closed();
		}
		if ((toAgentId == null) == (toGroupId == null)) {
			throw ChatInput.invalid("toAgentId", "give either an agent or a group");
		}
		String noteText = (note != null && !note.isBlank()) ? Notes.check(note) : null;
		String targetName = (toAgentId != null) ? targetAgent(c, toAgentId) : targetGroup(toGroupId);
		Instant now = now();
		this.transactions.executeWithoutResult((tx) -> {
			Conversation locked = this.conversations.lock(conversationId).orElseThrow();
			if (locked.closed()) {
				throw closed();
			}
			// the note first, while the conversation is still the author's to read
			Long noteId = (noteText != null) ? this.notes.addInTransaction(actor, locked, noteText).id() : null;
			if (toAgentId != null) {
				this.conversations.assignTo(conversationId, toAgentId, now);
			}
			else {
				this.conversations.requeue(conversationId, toGroupId);
			}
			this.transcript.appendLine(locked, Draft.event(TimelineEvent.TRANSFERRED,
					(toAgentId != null) ? TRANSFER_TO_AGENT : TRANSFER_TO_GROUP, toAgentId, targetName), now);
			this.events.publishEvent(new ConversationTransferred(conversationId, locked.assigneeId(), toAgentId,
					toGroupId, actor.id(), noteId, now, false));
			endSnooze(locked, SnoozeEnd.TRANSFERRED, now);
			if (toGroupId != null) {
				this.events.publishEvent(new ConversationWaiting(conversationId, locked.channelId(), toGroupId, now));
			}
		});
		return this.views.conversation(this.conversations.findById(conversationId).orElseThrow(), true);
	}

	private String targetAgent(Conversation c, long toAgentId) {
		// a supervisor's transfer to himself is a take-over (TakeOver); to its own agent,
		// none
		if (c.assignedTo(toAgentId)) {
			throw ChatInput.invalid("toAgentId", "the conversation is already assigned to this agent");
		}
		this.staff.member(toAgentId)
			.filter(StaffDirectory.StaffMember::enabled)
			.orElseThrow(() -> ApiException.badRequest("unknown_user", "No enabled user with id " + toAgentId)
				.with("userId", toAgentId));
		return this.publicNames.publicName(toAgentId);
	}

	private String targetGroup(long toGroupId) {
		return this.groups.name(toGroupId)
			.orElseThrow(() -> ApiException.badRequest("unknown_group", "No group with id " + toGroupId)
				.with("groupId", toGroupId));
	}

	public ConversationView closeByStaff(StaffActor actor, long conversationId) {
		Conversation c = this.access.forStaff(actor, conversationId);
		if (!c.assignedTo(actor.id()) && !actor.can(Permission.CONVERSATION_VIEW_ALL)) {
			throw StaffActor.forbidden(Permission.CONVERSATION_VIEW_ALL);
		}
		close(c.id(), ClosedBy.AGENT, actor.id());
		return this.views.conversation(this.conversations.findById(c.id()).orElseThrow(), true);
	}

	public void closeByVisitor(VisitorIdentity visitor, long conversationId) {
		Conversation c = this.access.forVisitor(visitor, conversationId);
		close(c.id(), ClosedBy.VISITOR, null);
	}

	/**
	 * Closes an open conversation; closing a closed one changes nothing.
	 * @param byUserId the staff member closing it, for {@link ClosedBy#AGENT}
	 * @return whether this call closed it
	 */
	boolean close(long conversationId, ClosedBy by, Long byUserId) {
		return close(conversationId, by, byUserId, (c) -> true);
	}

	/** Closes it if, under the lock, it is open and still {@code due}. */
	private boolean close(long conversationId, ClosedBy by, Long byUserId, Predicate<Conversation> due) {
		Instant now = now();
		String name = (byUserId != null) ? this.publicNames.publicName(byUserId) : null;
		return Boolean.TRUE.equals(this.transactions.execute((tx) -> {
			Conversation c = this.conversations.lock(conversationId).orElseThrow();
			if (c.closed() || !due.test(c)) {
				return false;
			}
			this.conversations.close(conversationId, now, by);
			this.transcript.appendLine(c, Draft.event(TimelineEvent.CLOSED, by.value(), byUserId, name), now);
			this.events.publishEvent(
					new ConversationClosed(c.id(), c.channelId(), c.visitorId(), c.assigneeId(), by, byUserId, now));
			endSnooze(c, SnoozeEnd.CLOSED, now);
			return true;
		}));
	}

	/**
	 * Puts a conversation its agent left unanswered back into its queue
	 * (compare-and-set).
	 */
	public boolean requeueUnanswered(long id, Instant before) {
		Instant now = now();
		return Boolean.TRUE.equals(this.transactions.execute((tx) -> {
			Conversation locked = this.conversations.lock(id).orElseThrow();
			if (!this.conversations.requeueIfAssignedBefore(id, before)) {
				return false;
			}
			this.transcript.appendLine(locked, Draft.event(TimelineEvent.TRANSFERRED, TRANSFER_TO_GROUP, null, null),
					now);
			this.events.publishEvent(new ConversationTransferred(id, locked.assigneeId(), null, locked.groupId(), null,
					null, now, false));
			this.events.publishEvent(new ConversationWaiting(id, locked.channelId(), locked.groupId(), now));
			return true;
		}));
	}

	/** Closes conversations idle for longer than the configured time. */
	public int closeInactive() {
		Duration idle = this.settings.inactivityClose();
		if (idle.isZero()) {
			return 0;
		}
		int closed = 0;
		Instant before = this.clock.instant().minus(idle);
		// read without a lock: checked again under it (a snooze or a message meanwhile)
		Predicate<Conversation> stillIdle = (c) -> !c.snoozed()
				&& (c.lastMessageAt() == null || c.lastMessageAt().isBefore(before));
		for (Long id : this.lists.findInactive(before, 200)) {
			if (close(id, ClosedBy.TIMEOUT, null, stillIdle)) {
				closed++;
			}
		}
		return closed;
	}

	/**
	 * The change under way (closing, transferring) also ended the conversation's snooze.
	 */
	private void endSnooze(Conversation before, SnoozeEnd reason, Instant now) {
		if (before.snoozed()) {
			this.events.publishEvent(new ConversationUnsnoozed(before.id(), before.assigneeId(), reason, now));
		}
	}

	private static ApiException closed() {
		return new ApiException(HttpStatus.CONFLICT, "conversation_closed", "The conversation is closed");
	}

	private Instant now() {
		return Instant.ofEpochMilli(this.clock.millis());
	}

}
