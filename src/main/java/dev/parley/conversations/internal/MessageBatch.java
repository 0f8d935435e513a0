package dev.parley.conversations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.parley.conversations.ConversationReopened;
import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.ConversationWaiting;
import dev.parley.conversations.Side;
import dev.parley.conversations.TimelineEvent;
import dev.parley.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * One group-committed batch of chat messages, inside its transaction: one locking read of
 * the conversations concerned in id order, one read of what was stored before under the
 * batch's client ids (a resend is answered with it), the rules of a single append on each
 * locked row, one batched insert, one batched update, and each stored line's module event
 * ({@code MessagePosted}, on a reopening {@code ConversationReopened}, and when the
 * customer writes in a snoozed conversation {@code ConversationUnsnoozed}). The queue,
 * the writer threads and the answers to the senders are the {@link MessageWriter}'s.
 */
@Component
class MessageBatch {

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final AttachmentRepository attachments;

	private final ChatSettings settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final LiveFeed feed;

	private final Snoozes snoozes;

	private final VisitorRepository visitors;

	MessageBatch(ConversationRepository conversations, MessageRepository messages, AttachmentRepository attachments,
			ChatSettings settings, Clock clock, ApplicationEventPublisher events, LiveFeed feed, Snoozes snoozes,
			VisitorRepository visitors) {
		this.visitors = visitors;
		this.conversations = conversations;
		this.messages = messages;
		this.attachments = attachments;
		this.settings = settings;
		this.clock = clock;
		this.events = events;
		this.feed = feed;
		this.snoozes = snoozes;
	}

	/**
	 * Stores a batch in the caller's transaction: each request checked on its locked row
	 * as the batch's earlier requests left it, refused alone or stored; what each became
	 * is in its outcome. Module events are published here, inside the transaction; the
	 * live feed only when the batch joined a caller's transaction (else the writer feeds
	 * it after the commit).
	 */
	List<Outcome> store(List<Request> batch, boolean joined) {
		Set<Long> ids = new TreeSet<>();
		batch.forEach((r) -> ids.add(r.conversationId));
		Map<Long, Conversation> locked = this.conversations.lockAll(ids);
		// the files sent in this batch, for the list's line (one query, only when there
		// are)
		Map<Long, Attachment> files = this.attachments
			.findByIds(batch.stream().map((r) -> r.draft.attachmentId()).filter(Objects::nonNull).toList());
		// repeats: of an earlier batch, found while the locks keep everybody else from
		// storing in these conversations, and (added below) within this batch
		Map<String, Message> stored = storedBefore(batch);
		Instant now = Instant.ofEpochMilli(this.clock.millis());
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		List<Message> inserts = new ArrayList<>();
		Map<Long, AppendMark> marks = new HashMap<>();
		for (Request r : batch) {
			Outcome outcome = new Outcome(r);
			outcomes.add(outcome);
			Conversation c = locked.get(r.conversationId);
			String key = (r.draft.clientId() != null) ? key(r.conversationId, r.draft.side(), r.draft.clientId())
					: null;
			try {
				if (c == null) {
					throw ApiException.notFound("Conversation");
				}
				r.access.accept(c);
				Message before = (key != null) ? stored.get(key) : null;
				if (before != null) {
					outcome.duplicateOf = before;
					continue;
				}
				long seq = c.lastSeq();
				// an agent's follow-up to a visitor who can be reached: the conversation
				// stays closed, the visitor gets it by e-mail or text (notifications)
				boolean followUp = c.closed() && r.draft.side() == Side.AGENT && reachable(c);
				if (c.closed() && !followUp) {
					if (r.draft.side() != Side.VISITOR || !(r.reopenAnyTime || withinReopenWindow(c, now))) {
						throw new ApiException(HttpStatus.CONFLICT, "conversation_closed",
								"The conversation is closed");
					}
					c = reopen(c, now);
					outcome.statusChanged = true;
					outcome.added.add(Draft.event(TimelineEvent.REOPENED, Side.VISITOR.value(), null, null)
						.toMessage(c.id(), ++seq, now));
				}
				Message message = r.draft.toMessage(c.id(), ++seq, now);
				Attachment file = (message.attachmentId() != null) ? files.get(message.attachmentId()) : null;
				outcome.added.add(message);
				inserts.addAll(outcome.added);
				c = c.withLastSeq(seq);
				if (r.draft.side() == Side.VISITOR && c.snoozed()) {
					// the customer wrote: the conversation is back in its agent's list
					this.snoozes.wakeOnReply(c, now);
					c = c.awake();
				}
				locked.put(c.id(), c);
				outcome.after = c;
				if (key != null) {
					stored.put(key, message);
				}
				marks.computeIfAbsent(c.id(), AppendMark::new)
					.add(seq, now, Transcript.preview(message, file), Transcript.previewAttachment(message, file),
							r.draft.side());
			}
			catch (ApiException ex) {
				outcome.refusal = ex;
			}
		}
		long[] keys = this.messages.insertAll(inserts);
		Map<Message, Message> withIds = new IdentityHashMap<>();
		for (int i = 0; i < inserts.size(); i++) {
			withIds.put(inserts.get(i), inserts.get(i).withId(keys[i]));
		}
		this.conversations.recordAppends(marks.values());
		for (Outcome outcome : outcomes) {
			outcome.added.replaceAll(withIds::get);
			if (outcome.duplicateOf != null) {
				// repeated within this batch: the copy stored a moment ago, with its id
				outcome.duplicateOf = withIds.getOrDefault(outcome.duplicateOf, outcome.duplicateOf);
			}
			for (Message line : outcome.added) {
				this.events.publishEvent(Transcript.posted(line));
				if (joined) {
					this.feed.lineAdded(line);
				}
			}
		}
		return outcomes;
	}

	/**
	 * The messages stored before under the client ids of this batch, by
	 * {@link #key(long, Side, String)}. Looked up rather than left to the unique key: a
	 * resend refused there would fail the whole batch, which is then rolled back and
	 * stored again one by one, and under concurrent rollbacks the embedded database (H2)
	 * can hand a later locking read a conversation row without its last committed
	 * {@code last_seq}, so an innocent message got a sequence number taken already (409).
	 */
	private Map<String, Message> storedBefore(List<Request> batch) {
		Set<Long> conversations = new TreeSet<>();
		Set<String> clientIds = new HashSet<>();
		for (Request r : batch) {
			if (r.draft.clientId() != null) {
				conversations.add(r.conversationId);
				clientIds.add(r.draft.clientId());
			}
		}
		Map<String, Message> stored = new HashMap<>();
		for (Message m : this.messages.findByClientIds(conversations, clientIds)) {
			stored.put(key(m.conversationId(), m.side(), m.clientId()), m);
		}
		return stored;
	}

	/**
	 * Opens a conversation that closed a moment ago again, because its visitor wrote:
	 * with its agent, or back in the queue when nobody had it.
	 */
	private Conversation reopen(Conversation c, Instant now) {
		ConversationStatus status = (c.assigneeId() != null) ? ConversationStatus.ASSIGNED : ConversationStatus.WAITING;
		this.conversations.reopen(c.id(), status);
		this.events.publishEvent(new ConversationReopened(c.id(), c.assigneeId(), status, now));
		if (status == ConversationStatus.WAITING) {
			this.events.publishEvent(new ConversationWaiting(c.id(), c.channelId(), c.groupId(), now));
		}
		return c.reopened(status);
	}

	/** Whether the visitor left an e-mail address or a phone number to follow up at. */
	private boolean reachable(Conversation c) {
		return this.visitors.findById(c.visitorId()).filter((v) -> v.email() != null || v.phone() != null).isPresent();
	}

	private boolean withinReopenWindow(Conversation c, Instant now) {
		Duration window = this.settings.reopenWindow();
		return c.closedAt() != null && !window.isZero() && !now.isAfter(c.closedAt().plus(window));
	}

	private static String key(long conversationId, Side side, String clientId) {
		return conversationId + "/" + side.value() + "/" + clientId;
	}

	/**
	 * @param reopenAnyTime whether a visitor's line reopens the conversation however long
	 * ago it closed (an e-mail reply names its conversation); else only within the reopen
	 * window
	 */
	record Request(long conversationId, Draft draft, Consumer<Conversation> access, boolean reopenAnyTime,
			CompletableFuture<MessageWriter.Appended> result) {

		Request(long conversationId, Draft draft, Consumer<Conversation> access,
				CompletableFuture<MessageWriter.Appended> result) {
			this(conversationId, draft, access, false, result);
		}

	}

	/** What became of one request while its batch was being stored. */
	static final class Outcome {

		final Request request;

		final List<Message> added = new ArrayList<>(1);

		Message duplicateOf;

		ApiException refusal;

		boolean statusChanged;

		/** The conversation as this request left it. */
		Conversation after;

		Outcome(Request request) {
			this.request = request;
		}

		void complete() {
			if (this.refusal != null) {
				this.request.result.completeExceptionally(this.refusal);
			}
			else if (this.duplicateOf != null) {
				this.request.result.complete(new MessageWriter.Appended(this.duplicateOf, true, List.of(), false));
			}
			else {
				this.request.result.complete(new MessageWriter.Appended(this.added.get(this.added.size() - 1), false,
						List.copyOf(this.added), this.statusChanged));
			}
		}

	}

}
