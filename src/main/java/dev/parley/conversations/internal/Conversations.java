package dev.parley.conversations.internal;

import dev.parley.conversations.views.ChatViews;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.parley.conversations.ConversationClosed;
import dev.parley.conversations.ConversationWaiting;
import dev.parley.conversations.GroupDirectory;
import dev.parley.identity.StaffDirectory;
import dev.parley.conversations.internal.ChatEvents.ConversationChanged;
import dev.parley.conversations.internal.ChatEvents.MessageAdded;
import dev.parley.conversations.views.ChatViews.ConversationView;
import dev.parley.conversations.views.ChatViews.MessageView;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.platform.ApiException;
import dev.parley.platform.EventBus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of live chat: who may read and write which conversation, how messages are
 * stored (idempotent on the client's id, numbered without gaps under a row lock, so it
 * holds across nodes), the lifecycle (waiting, assigned, closed, reopened), and the
 * events that go out after each commit.
 */
@Service
public class Conversations {

	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final int PREVIEW_LENGTH = 200;

	static final int PAGE_LIMIT = 200;

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final ChatViews views;

	private final ChatSettings settings;

	private final EventBus bus;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final StaffDirectory staff;

	private final GroupDirectory groups;

	private final ObjectProvider<Notes> notes;

	private final MessageWriter writer;

	Conversations(ConversationRepository conversations, MessageRepository messages, ChatViews views,
			ChatSettings settings, EventBus bus, TransactionTemplate transactions, Clock clock,
			ApplicationEventPublisher events, StaffDirectory staff, GroupDirectory groups, ObjectProvider<Notes> notes,
			MessageWriter writer) {
		this.writer = writer;
		this.events = events;
		this.staff = staff;
		this.groups = groups;
		this.notes = notes;
		this.conversations = conversations;
		this.messages = messages;
		this.views = views;
		this.settings = settings;
		this.bus = bus;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The result of a send: the stored message, and whether it had been stored before.
	 */
	public record Sent(MessageView message, boolean duplicate) {
	}

	/** Something to append to a transcript. */
	record Draft(String clientId, String senderKind, Long senderId, String senderName, String kind, String body,
			Long attachmentId, String eventType, String eventBy) {

		static Draft event(String type, String by, String agentName) {
			return new Draft(null, Message.SYSTEM, null, agentName, Message.EVENT, null, null, type, by);
		}

		/**
		 * The message this draft becomes as number {@code seq}, not yet stored (id 0).
		 */
		Message toMessage(long conversationId, long seq, Instant at) {
			return new Message(0, conversationId, seq, this.clientId, this.senderKind, this.senderId, this.senderName,
					this.kind, this.body, this.attachmentId, this.eventType, this.eventBy, at);
		}

	}

	// ---- access

	/** The visitor's own conversation, or not_found (also for someone else's). */
	public Conversation forVisitor(VisitorIdentity visitor, long conversationId) {
		return this.conversations.findById(conversationId)
			.filter((c) -> c.visitorId() == visitor.visitorId())
			.orElseThrow(() -> ApiException.notFound("Conversation"));
	}

	/** A conversation the staff member may read, or not_found. */
	public Conversation forStaff(StaffActor actor, long conversationId) {
		return this.conversations.findById(conversationId)
			.filter((c) -> mayRead(actor, c))
			.orElseThrow(() -> ApiException.notFound("Conversation"));
	}

	public static boolean mayRead(StaffActor actor, Conversation c) {
		if (c.assignedTo(actor.id()) || actor.seesAll()) {
			return true;
		}
		return Conversation.WAITING.equals(c.status()) && actor.can("conversation.reply");
	}

	/**
	 * Where a waiting visitor stands: place in the queue, a rough expected wait, and
	 * whether to offer leaving a message instead (waited too long, or the group is
	 * closed).
	 */
	public record QueuePlace(Integer position, Integer estimatedWaitSeconds, boolean offerMessage) {
	}

	public QueuePlace queuePlace(VisitorIdentity visitor, long conversationId) {
		Conversation c = forVisitor(visitor, conversationId);
		if (!Conversation.WAITING.equals(c.status()) || c.leftMessage()) {
			return new QueuePlace(null, null, false);
		}
		Duration offerAfter = this.settings.offerMessageAfter();
		boolean offer = (!offerAfter.isZero() && c.createdAt().plus(offerAfter).isBefore(now()))
				|| (c.groupId() != null && !this.groups.hours(c.groupId()).open());
		int position = this.conversations.ahead(c) + 1;
		Integer estimate = null;
		java.util.OptionalDouble recent = this.conversations.recentWaitSeconds(c.groupId());
		if (recent.isPresent()) {
			estimate = (int) Math.max(30, Math.round(recent.getAsDouble() * position));
		}
		return new QueuePlace(position, estimate, offer);
	}

	// ---- starting

	Conversation start(Visitor visitor, String question, Long groupId, boolean leftMessage) {
		Instant now = now();
		Conversation draft = new Conversation(0, visitor.channelId(), visitor.id(), Conversation.WAITING, null,
				question, visitor.pageUrl(), visitor.referrer(), visitor.userAgent(), visitor.ip(), visitor.language(),
				now, null, null, null, now, null, 0, 0, 0, null, null, null, groupId, leftMessage ? now : null);
		long id = this.conversations.insert(draft);
		return this.conversations.findById(id).orElseThrow();
	}

	void announce(Conversation conversation) {
		announce(this.views.conversation(conversation, false));
	}

	void announceWaiting(long conversationId) {
		this.conversations.findById(conversationId)
			.filter((c) -> Conversation.WAITING.equals(c.status()) && !c.leftMessage())
			.ifPresent((c) -> this.events
				.publishEvent(new ConversationWaiting(c.id(), c.channelId(), c.groupId(), c.createdAt())));
	}

	void announce(ConversationView conversation) {
		this.bus.publish(new ConversationChanged(conversation));
	}

	// ---- sending

	public Sent sendAsVisitor(VisitorIdentity visitor, long conversationId, String clientId, String text) {
		String body = checkText(text);
		checkClientId(clientId);
		return append(conversationId,
				new Draft(clientId, Message.VISITOR, visitor.visitorId(), null, Message.TEXT, body, null, null, null),
				(c) -> {
					if (c.visitorId() != visitor.visitorId()) {
						throw ApiException.notFound("Conversation");
					}
				});
	}

	public Sent sendAsAgent(StaffActor actor, long conversationId, String clientId, String text) {
		String body = checkText(text);
		checkClientId(clientId);
		return append(conversationId, new Draft(clientId, Message.AGENT, actor.id(), actor.displayName(), Message.TEXT,
				body, null, null, null), (c) -> {
					if (!mayRead(actor, c)) {
						throw ApiException.notFound("Conversation");
					}
					checkMayWrite(actor, c);
				});
	}

	Sent appendAttachment(long conversationId, String clientId, String senderKind, Long senderId, String senderName,
			long attachmentId) {
		return append(conversationId, new Draft(clientId, senderKind, senderId, senderName, Message.ATTACHMENT, null,
				attachmentId, null, null), (c) -> {
				});
	}

	void checkMayWrite(StaffActor actor, Conversation c) {
		if (!actor.can("conversation.reply")) {
			throw ApiException.forbidden("conversation.reply");
		}
		if (!c.assignedTo(actor.id())) {
			throw ApiException.conflict("not_assigned", "Take the conversation before replying");
		}
	}

	String checkClientId(String clientId) {
		if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
			throw invalid("clientId", "must be 1-64 letters, digits, '-' or '_'");
		}
		return clientId;
	}

	String checkText(String text) {
		String body = (text != null) ? text.strip() : "";
		if (body.isEmpty()) {
			throw invalid("text", "must not be blank");
		}
		if (body.length() > this.settings.maxTextLength()) {
			throw ApiException.badRequest("too_large", "text: longer than " + this.settings.maxTextLength())
				.with("maxLength", this.settings.maxTextLength());
		}
		return body;
	}

	/** Appends through the group-committing writer, then tells everyone concerned. */
	private Sent append(long conversationId, Draft draft, java.util.function.Consumer<Conversation> access) {
		MessageWriter.Appended appended = this.writer.append(conversationId, draft, access);
		if (!appended.duplicate()) {
			publish(conversationId, appended.added(), appended.statusChanged(), appended.statusAfter());
		}
		return new Sent(this.views.message(appended.message()), appended.duplicate());
	}

	private Message insert(long conversationId, long seq, Draft d, Instant now) {
		Message message = d.toMessage(conversationId, seq, now);
		return message.withId(this.messages.insert(message));
	}

	/**
	 * The conversation list's line for a message: text with each run of white space
	 * folded into one space, cut to 200 characters; "[file]" for an attachment; none for
	 * events.
	 */
	static String preview(Message message) {
		if (Message.TEXT.equals(message.kind())) {
			String body = message.body();
			StringBuilder line = new StringBuilder(Math.min(body.length(), PREVIEW_LENGTH + 1));
			boolean space = false;
			for (int i = 0; i < body.length() && line.length() <= PREVIEW_LENGTH; i++) {
				char ch = body.charAt(i);
				if (Character.isWhitespace(ch)) {
					space = true;
					continue;
				}
				if (space) {
					line.append(' ');
					space = false;
				}
				line.append(ch);
			}
			return (line.length() > PREVIEW_LENGTH) ? line.substring(0, PREVIEW_LENGTH - 3) + "..." : line.toString();
		}
		return Message.ATTACHMENT.equals(message.kind()) ? "[file]" : null;
	}

	private void publish(long conversationId, List<Message> added, boolean statusChanged) {
		publish(conversationId, added, statusChanged, null);
	}

	/**
	 * @param statusAfter the status once committed, when known (saves reading it again)
	 */
	private void publish(long conversationId, List<Message> added, boolean statusChanged, String statusAfter) {
		afterCommit(() -> publishNow(conversationId, added, statusChanged, statusAfter));
	}

	/** Runs after the surrounding transaction commits, or now when there is none. */
	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	private void publishNow(long conversationId, List<Message> added, boolean statusChanged, String statusAfter) {
		Conversation after = (statusChanged || statusAfter == null)
				? this.conversations.findById(conversationId).orElseThrow() : null;
		boolean waiting = Conversation.WAITING.equals((after != null) ? after.status() : statusAfter);
		for (MessageView view : this.views.messages(added)) {
			this.bus.publish(new MessageAdded(view, waiting));
		}
		Message last = added.get(added.size() - 1);
		if (Message.AGENT.equals(last.senderKind()) || Message.VISITOR.equals(last.senderKind())) {
			// writing is reading: the sender has seen everything up to their own message
			this.bus.publish(new ChatEvents.Read(conversationId, last.senderKind(), last.seq()));
		}
		if (statusChanged) {
			announce(after);
			if (Conversation.WAITING.equals(after.status())) {
				this.events.publishEvent(
						new ConversationWaiting(after.id(), after.channelId(), after.groupId(), after.createdAt()));
			}
		}
	}

	// ---- lifecycle

	public ConversationView assign(StaffActor actor, long conversationId) {
		if (!actor.can("conversation.reply")) {
			throw ApiException.forbidden("conversation.reply");
		}
		// Not forStaff(): an agent who lost the race for a waiting conversation may no
		// longer read it, and should hear "someone was faster" (409), not "no such
		// thing".
		Conversation c = this.conversations.findById(conversationId)
			.orElseThrow(() -> ApiException.notFound("Conversation"));
		if (!assignIfWaiting(c.id(), actor.id(), actor.displayName())) {
			throw ApiException.conflict("conflict", "The conversation is no longer waiting");
		}
		return this.views.conversation(this.conversations.findById(c.id()).orElseThrow(), true);
	}

	/**
	 * Assigns a waiting conversation (a compare-and-set, so it holds across nodes) and
	 * adds the "assigned" line. Joins the caller's transaction if there is one; the
	 * events go out after its commit.
	 * @return false when the conversation is no longer waiting
	 */
	public boolean assignIfWaiting(long conversationId, long agentId, String agentName) {
		Instant now = now();
		List<Message> added = new ArrayList<>();
		Boolean assigned = this.transactions.execute((tx) -> {
			if (!this.conversations.assignIfWaiting(conversationId, agentId, now)) {
				return false;
			}
			Conversation locked = this.conversations.lock(conversationId).orElseThrow();
			long seq = locked.lastSeq() + 1;
			added.add(insert(conversationId, seq, Draft.event("assigned", null, agentName), now));
			this.conversations.recordSeq(conversationId, seq);
			return true;
		});
		if (Boolean.TRUE.equals(assigned)) {
			publish(conversationId, added, true);
			return true;
		}
		return false;
	}

	/**
	 * Hands a conversation to another agent, or back to a group's queue, with an optional
	 * internal note. The visitor sees a "transferred" line.
	 */
	public ConversationView transfer(StaffActor actor, long conversationId, Long toAgentId, Long toGroupId,
			String note) {
		Conversation c = forStaff(actor, conversationId);
		boolean owner = c.assignedTo(actor.id()) && actor.can("conversation.transfer");
		if (!owner && !actor.can("conversation.view_all")) {
			throw ApiException.forbidden("conversation.transfer");
		}
		if (c.closed()) {
			throw new ApiException(HttpStatus.CONFLICT, "conversation_closed", "The conversation is closed");
		}
		if ((toAgentId == null) == (toGroupId == null)) {
			throw invalid("toAgentId", "give either an agent or a group");
		}
		if (note != null && note.strip().length() > 2000) {
			throw invalid("note", "must be at most 2000 characters");
		}
		String targetName;
		if (toAgentId != null) {
			// to oneself only to take over someone else's (which needs view_all, above)
			if (c.assignedTo(toAgentId)) {
				throw invalid("toAgentId", "the conversation is already assigned to this agent");
			}
			targetName = this.staff.member(toAgentId)
				.filter(StaffDirectory.StaffMember::enabled)
				.map(StaffDirectory.StaffMember::displayName)
				.orElseThrow(() -> ApiException.badRequest("unknown_user", "No enabled user with id " + toAgentId)
					.with("userId", toAgentId));
		}
		else {
			targetName = this.groups.name(toGroupId)
				.orElseThrow(() -> ApiException.badRequest("unknown_group", "No group with id " + toGroupId)
					.with("groupId", toGroupId));
		}
		if (note != null && !note.isBlank()) {
			// while the conversation is still the author's to read
			this.notes.getObject().add(actor, conversationId, note);
		}
		Instant now = now();
		List<Message> added = new ArrayList<>();
		this.transactions.executeWithoutResult((tx) -> {
			Conversation locked = this.conversations.lock(conversationId).orElseThrow();
			if (locked.closed()) {
				throw new ApiException(HttpStatus.CONFLICT, "conversation_closed", "The conversation is closed");
			}
			if (toAgentId != null) {
				this.conversations.assignTo(conversationId, toAgentId, now);
			}
			else {
				this.conversations.requeue(conversationId, toGroupId);
			}
			long seq = locked.lastSeq() + 1;
			added.add(insert(conversationId, seq,
					Draft.event("transferred", (toAgentId != null) ? "agent" : "group", targetName), now));
			this.conversations.recordSeq(conversationId, seq);
		});
		publish(conversationId, added, true);
		Conversation after = this.conversations.findById(conversationId).orElseThrow();
		return this.views.conversation(after, true);
	}

	public ConversationView closeByStaff(StaffActor actor, long conversationId) {
		Conversation c = forStaff(actor, conversationId);
		if (!c.assignedTo(actor.id()) && !actor.can("conversation.view_all")) {
			throw ApiException.forbidden("conversation.view_all");
		}
		close(c.id(), Message.AGENT, actor.displayName());
		return this.views.conversation(this.conversations.findById(c.id()).orElseThrow(), true);
	}

	public void closeByVisitor(VisitorIdentity visitor, long conversationId) {
		Conversation c = forVisitor(visitor, conversationId);
		close(c.id(), Message.VISITOR, null);
	}

	/** Closes an open conversation; closing a closed one changes nothing. */
	boolean close(long conversationId, String by, String agentName) {
		Instant now = now();
		List<Message> added = new ArrayList<>();
		this.transactions.executeWithoutResult((tx) -> {
			Conversation c = this.conversations.lock(conversationId).orElseThrow();
			if (c.closed()) {
				return;
			}
			this.conversations.close(conversationId, now, by);
			long seq = c.lastSeq() + 1;
			added.add(insert(conversationId, seq, Draft.event("closed", by, agentName), now));
			this.conversations.recordSeq(conversationId, seq);
		});
		if (added.isEmpty()) {
			return false;
		}
		publish(conversationId, added, true);
		this.conversations.findById(conversationId)
			.ifPresent((c) -> this.events.publishEvent(
					new ConversationClosed(c.id(), c.channelId(), c.visitorId(), c.assigneeId(), by, c.closedAt())));
		return true;
	}

	public void rate(VisitorIdentity visitor, long conversationId, Integer score, String comment) {
		Conversation c = forVisitor(visitor, conversationId);
		if (score == null || score < 1 || score > 5) {
			throw invalid("score", "must be 1 to 5");
		}
		String text = (comment != null) ? comment.strip() : null;
		if (text != null && text.length() > 1000) {
			throw invalid("comment", "must be at most 1000 characters");
		}
		if (!c.closed()) {
			throw ApiException.conflict("conflict", "Only a closed conversation can be rated");
		}
		if (!this.conversations.rate(c.id(), score, (text == null || text.isEmpty()) ? null : text,
				this.clock.instant())) {
			throw ApiException.conflict("conflict", "The conversation has been rated already");
		}
		this.conversations.findById(c.id()).ifPresent(this::announce);
	}

	/** Moves a side's read mark forward and tells the other side. */
	public void markRead(long conversationId, String side, long seq) {
		if (seq < 1) {
			throw invalid("seq", "must be positive");
		}
		if (this.conversations.markRead(conversationId, side, seq)) {
			this.bus.publish(new ChatEvents.Read(conversationId, side, seq));
		}
	}

	// ---- reading

	public List<MessageView> messages(long conversationId, long afterSeq, int limit) {
		if (afterSeq < 0) {
			throw invalid("after", "must not be negative");
		}
		if (limit < 1 || limit > PAGE_LIMIT) {
			throw invalid("limit", "must be 1 to " + PAGE_LIMIT);
		}
		return this.views.messages(this.messages.after(conversationId, afterSeq, limit));
	}

	/** Conversation lists for the agent workspace; each view has its own rule. */
	public ConversationRepository.Page list(StaffActor actor, String view, String after, int limit) {
		if (limit < 1 || limit > 100) {
			throw invalid("limit", "must be 1 to 100");
		}
		ConversationRepository.Cursor cursor = ConversationRepository.Cursor.parse(after);
		return switch (view) {
			case "waiting" -> {
				requireReply(actor);
				yield this.conversations.waiting(cursor, limit);
			}
			case "mine" -> {
				requireReply(actor);
				yield this.conversations.open(actor.id(), cursor, limit);
			}
			case "open" -> this.conversations.open(actor.seesAll() ? null : actor.id(), cursor, limit);
			case "closed" -> this.conversations.closed(actor.seesAll() ? null : actor.id(), cursor, limit);
			default -> throw invalid("view", "must be waiting, mine, open or closed");
		};
	}

	public ConversationRepository.Page search(StaffActor actor, String text, Long channelId, Long agentId, Instant from,
			Instant to, String after, int limit) {
		if (!actor.can("conversation.view_all")) {
			throw ApiException.forbidden("conversation.view_all");
		}
		if (limit < 1 || limit > 100) {
			throw invalid("limit", "must be 1 to 100");
		}
		if (text != null && text.length() > 200) {
			throw invalid("q", "must be at most 200 characters");
		}
		return this.conversations.search(text, channelId, agentId, from, to, ConversationRepository.Cursor.parse(after),
				limit);
	}

	public List<Conversation> visitorHistory(StaffActor actor, long visitorId) {
		return this.conversations.findByVisitor(visitorId, 50)
			.stream()
			.filter((c) -> mayRead(actor, c) || actor.can("conversation.view"))
			.toList();
	}

	/**
	 * Puts a conversation its agent left unanswered back into its queue
	 * (compare-and-set).
	 */
	public boolean requeueUnanswered(long id, Instant before) {
		List<Message> added = new ArrayList<>();
		this.transactions.executeWithoutResult((tx) -> {
			Conversation locked = this.conversations.lock(id).orElseThrow();
			if (this.conversations.requeueIfAssignedBefore(id, before)) {
				long seq = locked.lastSeq() + 1;
				added.add(insert(id, seq, Draft.event("transferred", "group", null), now()));
				this.conversations.recordSeq(id, seq);
			}
		});
		if (added.isEmpty()) {
			return false;
		}
		publish(id, added, true);
		return true;
	}

	/** Closes conversations idle for longer than the configured time. */
	public int closeInactive() {
		Duration idle = this.settings.inactivityClose();
		if (idle.isZero()) {
			return 0;
		}
		int closed = 0;
		for (Long id : this.conversations.findInactive(this.clock.instant().minus(idle), 200)) {
			if (close(id, "timeout", null)) {
				closed++;
			}
		}
		return closed;
	}

	private Instant now() {
		return Instant.ofEpochMilli(this.clock.millis());
	}

	private static void requireReply(StaffActor actor) {
		if (!actor.can("conversation.reply")) {
			throw ApiException.forbidden("conversation.reply");
		}
	}

	/** A {@code validation_failed} refusal naming one field. */
	public static ApiException invalidField(String field, String message) {
		return invalid(field, message);
	}

	static ApiException invalid(String field, String message) {
		return ApiException.badRequest("validation_failed", field + ": " + message)
			.with("errors", List.of(java.util.Map.of("field", field, "message", message)));
	}

}
