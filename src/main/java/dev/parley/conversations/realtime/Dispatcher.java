package dev.parley.conversations.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.internal.ChatEvents;
import dev.parley.conversations.internal.ChatEvents.Access;
import dev.parley.conversations.internal.ChatEvents.ConversationChanged;
import dev.parley.conversations.views.ContactMasks;
import dev.parley.conversations.internal.ChatEvents.MessageAdded;
import dev.parley.conversations.internal.ConversationRepository;
import dev.parley.conversations.internal.MessageRepository;
import dev.parley.conversations.views.ChatViews;
import dev.parley.conversations.views.ChatViews.MessagePair;
import dev.parley.platform.EventBus;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

/**
 * Fans live events from the bus out to this node's connections. Each conversation's
 * events are handled in order on one of a few fan-out threads (chosen by conversation),
 * never on the publisher's thread, so a sender's acknowledgement never waits for slow
 * recipients.
 *
 * <p>
 * Messages reach every connection in sequence order. Senders on several threads or nodes
 * may publish out of order, but a message numbered {@code n} is published only after it
 * committed, and so after every message before it committed: when {@code n} arrives
 * before {@code n - 1}, the missing ones are read from the database and sent first, and
 * the late event is then dropped as a repeat.
 */
@Component
class Dispatcher {

	private static final Logger logger = LoggerFactory.getLogger(Dispatcher.class);

	/** The most missing messages filled in from the database at once. */
	static final int MAX_GAP_FILL = 200;

	/** How long a conversation's delivery state is kept after its last event. */
	private static final long TRACK_IDLE_MILLIS = 10 * 60_000;

	private final ConnectionRegistry registry;

	private final Audience audience;

	private final Frames frames;

	private final MessageRepository messages;

	private final ConversationRepository conversations;

	private final ChatViews views;

	private final ExecutorService[] stripes;

	private final List<EventBus.Subscription> subscriptions = new ArrayList<>();

	/** Per conversation: what was delivered last, and who may see it. */
	private final Map<Long, Track> tracks = new ConcurrentHashMap<>();

	Dispatcher(ConnectionRegistry registry, Audience audience, Frames frames, MessageRepository messages,
			ConversationRepository conversations, ChatViews views, EventBus bus, RealtimeProperties properties) {
		this.registry = registry;
		this.audience = audience;
		this.frames = frames;
		this.messages = messages;
		this.conversations = conversations;
		this.views = views;
		this.stripes = new ExecutorService[properties.fanOutThreads()];
		for (int i = 0; i < this.stripes.length; i++) {
			String name = "parley-fan-out-" + i;
			this.stripes[i] = Executors.newSingleThreadExecutor((runnable) -> {
				Thread thread = new Thread(runnable, name);
				thread.setDaemon(true);
				return thread;
			});
		}
		this.subscriptions
			.add(bus.subscribe(MessageAdded.class, (e) -> inOrder(e.access().conversationId(), () -> onMessage(e))));
		this.subscriptions.add(bus.subscribe(ConversationChanged.class,
				(e) -> inOrder(e.conversation().id(), () -> onConversation(e))));
		this.subscriptions
			.add(bus.subscribe(ChatEvents.NoteAdded.class, (e) -> inOrder(e.note().conversationId(), () -> onNote(e))));
		this.subscriptions.add(bus.subscribe(ChatEvents.Typing.class,
				(e) -> inOrder(e.conversationId(), () -> toOtherSide(e.conversationId(), e.side(),
						new ServerFrame.Typing(e.conversationId(), e.side(), e.name(), e.typing())))));
		this.subscriptions.add(bus.subscribe(ChatEvents.Read.class,
				(e) -> inOrder(e.conversationId(), () -> toOtherSide(e.conversationId(), e.side(),
						new ServerFrame.Read(e.conversationId(), e.side(), e.seq())))));
		this.subscriptions.add(bus.subscribe(ChatEvents.Presence.class,
				(e) -> inOrder(e.conversationId(), () -> toOtherSide(e.conversationId(), e.side(),
						new ServerFrame.Presence(e.conversationId(), e.side(), e.online())))));
	}

	@PreDestroy
	void stop() throws InterruptedException {
		this.subscriptions.forEach(EventBus.Subscription::close);
		for (ExecutorService stripe : this.stripes) {
			stripe.shutdown();
		}
		for (ExecutorService stripe : this.stripes) {
			stripe.awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	/**
	 * Runs a conversation's work after everything handed in before it for the same one.
	 */
	void inOrder(long conversationId, Runnable work) {
		ExecutorService stripe = this.stripes[(int) Math.floorMod(conversationId, (long) this.stripes.length)];
		try {
			stripe.execute(() -> {
				try {
					work.run();
				}
				catch (RuntimeException ex) {
					logger.warn("Live fan-out of conversation {} failed", conversationId, ex);
				}
			});
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			// stopping
		}
	}

	// ---- the events

	private void onMessage(MessageAdded event) {
		Access access = event.access();
		long seq = event.message().staff().seq();
		Track track = track(access.conversationId());
		track.see(access);
		if (track.delivered >= 0) {
			if (seq <= track.delivered) {
				return;
			}
			if (seq > track.delivered + 1) {
				fillGap(track, access.conversationId(), seq);
			}
		}
		deliver(event.message(), track.access);
		track.delivered = Math.max(track.delivered, seq);
	}

	private void fillGap(Track track, long conversationId, long seq) {
		int missing = (int) Math.min(MAX_GAP_FILL, seq - track.delivered - 1);
		for (MessagePair pair : this.views.pairs(this.messages.after(conversationId, track.delivered, missing))) {
			deliver(pair, track.access);
			track.delivered = pair.staff().seq();
		}
	}

	private void deliver(MessagePair message, Access access) {
		Audience.Recipients recipients = this.audience.message(access);
		long conversationId = access.conversationId();
		send(recipients.staff(), new ServerFrame.Message(conversationId, message.staff()));
		send(recipients.visitors(), new ServerFrame.Message(conversationId, message.visitor()));
	}

	private void onConversation(ConversationChanged event) {
		Track track = track(event.conversation().id());
		track.see(event.access());
		Access access = track.access;
		long conversationId = access.conversationId();
		boolean open = access.status() != ConversationStatus.CLOSED;
		Audience.Recipients recipients = this.audience.conversation(access, event.conversation().visitor().id());
		Set<Connection> lost = this.audience.lostFollowers(access);
		sendToStaff(recipients.staff(), event.conversation());
		sendToStaff(lost, event.conversation());
		lost.forEach((connection) -> this.registry.leave(connection, conversationId));
		// a change only staff hear of (a snooze) tells the visitor nothing
		boolean toVisitor = event.forVisitor() != null;
		if (toVisitor) {
			send(recipients.visitors(), new ServerFrame.Conversation(event.forVisitor()));
		}
		if (open) {
			// the visitor's connections and the assignee's follow it from now on
			if (toVisitor) {
				recipients.visitors().forEach((connection) -> join(connection, conversationId));
			}
			for (Connection connection : recipients.staff()) {
				if (access.assigneeId() != null && connection.actor().id() == access.assigneeId()) {
					this.registry.join(connection, conversationId);
				}
			}
		}
	}

	private void onNote(ChatEvents.NoteAdded event) {
		Track track = track(event.note().conversationId());
		track.see(event.access());
		long conversationId = event.note().conversationId();
		send(this.audience.note(track.access), new ServerFrame.Note(conversationId, event.note()));
		Set<Long> mentioned = new java.util.HashSet<>();
		event.note().mentions().forEach((m) -> mentioned.add(m.id()));
		if (!mentioned.isEmpty()) {
			send(this.audience.mentioned(mentioned, track.access),
					new ServerFrame.Mention(conversationId, event.note()));
			send(this.audience.mentionedOutside(mentioned, track.access), new ServerFrame.Mentioned(conversationId));
		}
	}

	private void toOtherSide(long conversationId, dev.parley.conversations.Side side, ServerFrame frame) {
		Track track = track(conversationId);
		if (track.access == null) {
			this.conversations.findById(conversationId).map(Access::of).ifPresent(track::see);
			if (track.access == null) {
				return;
			}
		}
		Audience.Recipients recipients = this.audience.otherSide(side, track.access);
		send(recipients.staff(), frame);
		send(recipients.visitors(), frame);
	}

	/**
	 * A visitor connection joins; its first one there tells staff the visitor is here.
	 */
	void join(Connection connection, long conversationId) {
		if (this.registry.join(connection, conversationId) && !connection.staff()) {
			inOrder(conversationId, () -> toOtherSide(conversationId, dev.parley.conversations.Side.VISITOR,
					new ServerFrame.Presence(conversationId, dev.parley.conversations.Side.VISITOR, true)));
		}
	}

	/** The access state of a conversation this node knows of, or null. */
	Access knownAccess(long conversationId) {
		Track track = this.tracks.get(conversationId);
		return (track != null) ? track.access : null;
	}

	/**
	 * Sends a conversation to staff connections, the visitor's e-mail and phone masked
	 * for those without customer.pii.view (decided per connection when sent).
	 */
	private void sendToStaff(Set<Connection> recipients, ChatViews.ConversationView conversation) {
		if (recipients.isEmpty()) {
			return;
		}
		TextMessage plain = null;
		TextMessage masked = null;
		for (Connection connection : recipients) {
			ChatViews.ConversationView shown = ContactMasks.forStaff(conversation, connection.actor());
			if (shown == conversation) {
				plain = (plain != null) ? plain : this.frames.text(new ServerFrame.Conversation(conversation));
				connection.send(plain);
			}
			else {
				masked = (masked != null) ? masked : this.frames.text(new ServerFrame.Conversation(shown));
				connection.send(masked);
			}
		}
	}

	private void send(Set<Connection> recipients, ServerFrame frame) {
		if (recipients.isEmpty()) {
			return;
		}
		TextMessage text = this.frames.text(frame);
		for (Connection connection : recipients) {
			connection.send(text);
		}
	}

	private Track track(long conversationId) {
		Track track = this.tracks.computeIfAbsent(conversationId, (id) -> new Track());
		track.touched = System.nanoTime() / 1_000_000;
		return track;
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetIdleConversations() {
		long cutoff = System.nanoTime() / 1_000_000 - TRACK_IDLE_MILLIS;
		this.tracks.values().removeIf((track) -> track.touched < cutoff);
	}

	/**
	 * What this node delivered of one conversation; touched only by the conversation's
	 * fan-out thread.
	 */
	static final class Track {

		/** The last sequence number sent on; -1 before the first. */
		private long delivered = -1;

		/** The newest access state seen. */
		private Access access;

		private volatile long touched;

		void see(Access seen) {
			if (this.access == null || seen.version() >= this.access.version()) {
				this.access = seen;
			}
		}

	}

}
