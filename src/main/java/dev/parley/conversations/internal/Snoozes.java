package dev.parley.conversations.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import dev.parley.administration.Settings;
import dev.parley.conversations.ConversationSnoozed;
import dev.parley.conversations.ConversationUnsnoozed;
import dev.parley.conversations.SnoozeEnd;
import dev.parley.conversations.views.ChatViews;
import dev.parley.conversations.views.ChatViews.ConversationView;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Snoozing: the agent of a conversation puts it out of his active list until a time or
 * until the customer writes; it stays assigned to him. It wakes when the time comes (the
 * {@link SnoozeSweep}), when the customer writes ({@link MessageBatch}), or by hand;
 * closing or transferring it ends the snooze too ({@link ConversationLifecycle}). Staff
 * hear of it live; the visitor is told nothing.
 */
@Service
public class Snoozes {

	/** How far ahead a conversation may be snoozed. */
	static final Duration LONGEST = Duration.ofDays(30);

	/** When "tomorrow" and "next week" start, in the organisation's time zone. */
	private static final LocalTime MORNING = LocalTime.of(9, 0);

	/** The choices the console offers besides a time of the agent's own. */
	public enum Preset {

		HOUR, TOMORROW, NEXT_WEEK, CUSTOMER_REPLY;

		static Preset of(String value) {
			for (Preset preset : values()) {
				if (preset.name().equalsIgnoreCase(value)) {
					return preset;
				}
			}
			throw ChatInput.invalid("preset", "must be hour, tomorrow, next_week or customer_reply");
		}

	}

	private final ConversationRepository conversations;

	private final ConversationAccess access;

	private final ConversationLists lists;

	private final ChatViews views;

	private final Settings settings;

	private final ApplicationEventPublisher events;

	private final LiveFeed feed;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Snoozes(ConversationRepository conversations, ConversationAccess access, ConversationLists lists, ChatViews views,
			Settings settings, ApplicationEventPublisher events, LiveFeed feed, TransactionTemplate transactions,
			Clock clock) {
		this.conversations = conversations;
		this.access = access;
		this.lists = lists;
		this.views = views;
		this.settings = settings;
		this.events = events;
		this.feed = feed;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Snoozes the caller's conversation: until {@code until} (an ISO-8601 instant), or as
	 * a {@code preset}; exactly one of the two.
	 */
	public ConversationView snooze(StaffActor actor, long conversationId, String until, String preset) {
		actor.require(Permission.CONVERSATION_REPLY);
		Conversation c = this.access.forStaff(actor, conversationId);
		if ((until == null) == (preset == null)) {
			throw ChatInput.invalid("until", "give either a time or a preset");
		}
		Instant now = now();
		Preset chosen = (preset != null) ? Preset.of(preset) : null;
		Instant wake = (chosen != null) ? wakeTime(chosen, now) : parse(until);
		if (wake != null && !wake.isAfter(now)) {
			throw ApiException.badRequest("snooze_in_past", "until: must be in the future").with("field", "until");
		}
		if (wake != null && wake.isAfter(now.plus(LONGEST))) {
			throw ApiException.badRequest("snooze_too_far", "until: at most 30 days ahead")
				.with("maxDays", LONGEST.toDays());
		}
		check(actor, c);
		boolean untilReply = chosen == Preset.CUSTOMER_REPLY;
		this.transactions.executeWithoutResult((tx) -> {
			Conversation locked = this.conversations.lock(conversationId).orElseThrow();
			check(actor, locked);
			this.conversations.snooze(conversationId, wake, untilReply);
			this.events.publishEvent(new ConversationSnoozed(conversationId, actor.id(), wake, untilReply, now));
			this.feed.changedForStaff(conversationId);
		});
		return this.views.conversation(this.conversations.findById(conversationId).orElseThrow(), true);
	}

	/**
	 * Takes a snoozed conversation back into the caller's active list; of one that is not
	 * snoozed, nothing.
	 */
	public ConversationView unsnooze(StaffActor actor, long conversationId) {
		actor.require(Permission.CONVERSATION_REPLY);
		Conversation c = this.access.forStaff(actor, conversationId);
		check(actor, c);
		Instant now = now();
		this.transactions.executeWithoutResult((tx) -> {
			Conversation locked = this.conversations.lock(conversationId).orElseThrow();
			check(actor, locked);
			if (this.conversations.unsnooze(conversationId, now)) {
				this.events.publishEvent(new ConversationUnsnoozed(conversationId, actor.id(), SnoozeEnd.AGENT, now));
				this.feed.changedForStaff(conversationId);
			}
		});
		return this.views.conversation(this.conversations.findById(conversationId).orElseThrow(), true);
	}

	/**
	 * Wakes the snoozed conversations whose time has come. Safe on many nodes at once:
	 * each wakes under a compare-and-set that only one of them wins.
	 * @return how many this call woke
	 */
	public int wakeDue() {
		Instant now = now();
		int woken = 0;
		for (Long id : this.lists.findDueSnoozes(now, 200)) {
			boolean woke = Boolean.TRUE.equals(this.transactions.execute((tx) -> {
				Conversation locked = this.conversations.lock(id).orElse(null);
				if (locked == null || !this.conversations.wakeIfDue(id, now)) {
					return false;
				}
				this.events.publishEvent(new ConversationUnsnoozed(id, locked.assigneeId(), SnoozeEnd.TIME, now));
				this.feed.changedForStaff(id);
				return true;
			}));
			if (woke) {
				woken++;
			}
		}
		return woken;
	}

	/**
	 * Ends the snooze of a conversation locked in the caller's transaction, when the
	 * customer wrote in it.
	 */
	void wakeOnReply(Conversation locked, Instant now) {
		if (locked.snoozed() && this.conversations.unsnooze(locked.id(), now)) {
			this.events.publishEvent(
					new ConversationUnsnoozed(locked.id(), locked.assigneeId(), SnoozeEnd.CUSTOMER_REPLY, now));
			this.feed.changedForStaff(locked.id());
		}
	}

	/** Only the agent a conversation is assigned to snoozes it, while it is open. */
	private static void check(StaffActor actor, Conversation c) {
		if (c.closed()) {
			throw new ApiException(HttpStatus.CONFLICT, "conversation_closed", "The conversation is closed");
		}
		if (!c.assignedTo(actor.id())) {
			throw new ApiException(HttpStatus.CONFLICT, "snooze_not_yours",
					"Only the agent the conversation is assigned to can snooze it");
		}
	}

	/**
	 * When a preset wakes, from now: tomorrow and next week (Monday) at 9:00 in the
	 * organisation's time zone; null for until the customer writes.
	 */
	Instant wakeTime(Preset preset, Instant now) {
		ZoneId zone = zone();
		LocalDate today = LocalDate.ofInstant(now, zone);
		return switch (preset) {
			case HOUR -> now.plus(Duration.ofHours(1));
			case TOMORROW -> today.plusDays(1).atTime(MORNING).atZone(zone).toInstant();
			case NEXT_WEEK ->
				today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(MORNING).atZone(zone).toInstant();
			case CUSTOMER_REPLY -> null;
		};
	}

	/**
	 * An instant ({@code 2030-01-31T01:00:00Z}), or a date and time without an offset
	 * ({@code 2030-01-31T09:00}, as a date-time field gives it) in the organisation's
	 * time zone.
	 */
	private Instant parse(String until) {
		String text = until.strip().toUpperCase(Locale.ROOT);
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(text).atZone(zone()).toInstant();
			}
			catch (DateTimeParseException notLocal) {
				throw ChatInput.invalid("until", "must be a time such as 2030-01-31T09:00 or 2030-01-31T01:00:00Z");
			}
		}
	}

	private ZoneId zone() {
		return ZoneId.of(this.settings.get("organisation.timeZone"));
	}

	private Instant now() {
		return Instant.ofEpochMilli(this.clock.millis());
	}

}
