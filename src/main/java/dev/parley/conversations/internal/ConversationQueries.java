package dev.parley.conversations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

import dev.parley.conversations.AgentAvailability;
import dev.parley.conversations.GroupDirectory;
import dev.parley.conversations.internal.ConversationLists.Cursor;
import dev.parley.conversations.internal.ConversationLists.Page;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

import org.springframework.stereotype.Service;

/**
 * What staff and visitors read about conversations: the workspace lists, transcript
 * search, a visitor's history and a waiting visitor's place in the queue. Each list shows
 * only what the caller may open.
 */
@Service
public class ConversationQueries {

	private final ConversationLists lists;

	private final ConversationRepository conversations;

	private final QueueRepository queues;

	private final ConversationAccess access;

	private final ChatSettings settings;

	private final GroupDirectory groups;

	private final AgentAvailability availability;

	private final Clock clock;

	ConversationQueries(ConversationLists lists, ConversationRepository conversations, QueueRepository queues,
			ConversationAccess access, ChatSettings settings, GroupDirectory groups, AgentAvailability availability,
			Clock clock) {
		this.availability = availability;
		this.lists = lists;
		this.conversations = conversations;
		this.queues = queues;
		this.access = access;
		this.settings = settings;
		this.groups = groups;
		this.clock = clock;
	}

	/** The lists of the agent workspace. */
	public enum View {

		WAITING, MINE, SNOOZED, OPEN, CLOSED;

		static View of(String name) {
			for (View view : values()) {
				if (view.name().equalsIgnoreCase(name)) {
					return view;
				}
			}
			throw ChatInput.invalid("view", "must be waiting, mine, snoozed, open or closed");
		}

	}

	/** Conversation lists for the agent workspace; each view has its own rule. */
	public Page list(StaffActor actor, String view, String after, int limit) {
		if (limit < 1 || limit > 100) {
			throw ChatInput.invalid("limit", "must be 1 to 100");
		}
		Cursor cursor = Cursor.parse(after);
		boolean seesAll = ConversationAccess.seesAll(actor);
		return switch (View.of(view)) {
			case WAITING -> {
				actor.require(Permission.CONVERSATION_REPLY);
				yield this.lists.waiting(cursor, limit);
			}
			case MINE -> {
				actor.require(Permission.CONVERSATION_REPLY);
				yield this.lists.active(actor.id(), cursor, limit);
			}
			case SNOOZED -> {
				actor.require(Permission.CONVERSATION_REPLY);
				yield this.lists.snoozed(actor.id(), cursor, limit);
			}
			case OPEN -> this.lists.open(seesAll ? null : actor.id(), cursor, limit);
			case CLOSED -> this.lists.closed(seesAll ? null : actor.id(), cursor, limit);
		};
	}

	public Page search(StaffActor actor, String text, Long channelId, Long agentId, Instant from, Instant to,
			String after, int limit) {
		if (!actor.can(Permission.CONVERSATION_VIEW_ALL)) {
			// an agent searches his own conversations and his groups'
			actor.require(Permission.CONVERSATION_REPLY);
		}
		checkLimit(limit);
		if (text != null && text.length() > 200) {
			throw ChatInput.invalid("q", "must be at most 200 characters");
		}
		checkYears("from", from);
		checkYears("to", to);
		return this.lists.search(this.access.scope(actor), text, channelId, agentId, from, to, Cursor.parse(after),
				limit);
	}

	/**
	 * A visitor's conversations, newest first, a page at a time: only those the caller
	 * may open, so the history never tells what a conversation refused on its own would
	 * not.
	 */
	public Page visitorHistory(StaffActor actor, long visitorId, String after, int limit) {
		actor.require(Permission.CONVERSATION_VIEW);
		checkLimit(limit);
		return this.lists.ofVisitor(visitorId, this.access.scope(actor), Cursor.parse(after), limit);
	}

	/** Times are compared as epoch millis, which the years 1970 to 9999 all have. */
	private static void checkYears(String field, Instant value) {
		if (value != null && (value.getEpochSecond() < 0 || value.getEpochSecond() > 253_402_300_799L)) {
			throw ChatInput.invalid(field, "must be in the years 1970 to 9999");
		}
	}

	private static void checkLimit(int limit) {
		if (limit < 1 || limit > 100) {
			throw ChatInput.invalid("limit", "must be 1 to 100");
		}
	}

	/** Measured waits older than this are no basis for an estimate. */
	static final Duration RECENT_WAITS = Duration.ofHours(24);

	/**
	 * Where a waiting visitor stands: place in the queue, an expected wait from the
	 * queue's measured waits (null: no basis, as when nobody could answer or no wait was
	 * measured lately), whether to offer leaving a message instead, and who could answer.
	 *
	 * @param answering whether an agent could take it now: {@code available},
	 * {@code busy} (all online agents full), {@code nobody} (nobody online and on shift),
	 * {@code closed} (outside business hours); null when not waiting
	 */
	public record QueuePlace(Integer position, Integer estimatedWaitSeconds, boolean offerMessage,
			Answering answering) {
	}

	/** Whether anyone could answer a waiting visitor now. */
	public enum Answering {

		AVAILABLE, BUSY, NOBODY, CLOSED;

		@com.fasterxml.jackson.annotation.JsonValue
		public String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public QueuePlace queuePlace(VisitorIdentity visitor, long conversationId) {
		Conversation c = this.access.forVisitor(visitor, conversationId);
		if (!c.waiting() || c.leftMessage()) {
			return new QueuePlace(null, null, false, null);
		}
		int position = this.queues.ahead(c) + 1;
		Answering answering = answering(c.groupId());
		if (answering == Answering.CLOSED || answering == Answering.NOBODY) {
			// nobody can answer: said at once, with the message form, and no made-up wait
			return new QueuePlace(position, null, true, answering);
		}
		Duration offerAfter = this.settings.offerMessageAfter();
		boolean offer = !offerAfter.isZero() && c.createdAt().plus(offerAfter).isBefore(this.clock.instant());
		Integer estimate = null;
		OptionalDouble recent = this.queues.recentWaitSeconds(c.groupId(), this.clock.instant().minus(RECENT_WAITS));
		if (recent.isPresent()) {
			estimate = (int) Math.max(30, Math.round(recent.getAsDouble() * position));
		}
		return new QueuePlace(position, estimate, offer, answering);
	}

	private Answering answering(Long groupId) {
		if (groupId != null && !this.groups.hours(groupId).open()) {
			return Answering.CLOSED;
		}
		return switch (this.availability.of(groupId)) {
			case AVAILABLE -> Answering.AVAILABLE;
			case BUSY -> Answering.BUSY;
			case NOBODY -> Answering.NOBODY;
		};
	}

}
