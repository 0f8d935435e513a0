package dev.parley.conversations.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.conversations.Side;
import dev.parley.conversations.internal.ChatEvents.Access;
import dev.parley.conversations.views.ChatViews;
import dev.parley.conversations.views.ChatViews.MessagePair;
import dev.parley.platform.EventBus;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Feeds the live event bus (and through it every node's sockets) with what a committed
 * change did to conversations. Changes made in a transaction are collected and published
 * once it has committed, each conversation's lines in sequence order, then its new state;
 * nothing is published for a transaction that rolls back.
 */
@Component
class LiveFeed {

	private final EventBus bus;

	private final ChatViews views;

	private final ConversationRepository conversations;

	LiveFeed(EventBus bus, ChatViews views, ConversationRepository conversations) {
		this.bus = bus;
		this.views = views;
		this.conversations = conversations;
	}

	/**
	 * A line was added to a conversation in the current transaction; after it commits,
	 * the line and the conversation's new state go out.
	 */
	void lineAdded(Message line) {
		pending().computeIfAbsent(line.conversationId(), (id) -> new ArrayList<>()).add(line);
	}

	/**
	 * The conversation changed in the current transaction without a new line (e.g. a
	 * rating); after it commits, its new state goes out.
	 */
	void changed(long conversationId) {
		pending().computeIfAbsent(conversationId, (id) -> new ArrayList<>());
	}

	/**
	 * The conversation changed in the current transaction in a way only staff hear of (a
	 * snooze); after it commits, its new state goes out to staff, nothing to the visitor.
	 */
	void changedForStaff(long conversationId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("Conversation changes are published after a transaction commits");
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				LiveFeed.this.conversations.findById(conversationId)
					.ifPresent((c) -> LiveFeed.this.bus
						.publish(new ChatEvents.ConversationChanged(LiveFeed.this.views.conversation(c, false), null)));
			}

		});
	}

	/**
	 * Publishes what a committed batch appended to one conversation, the lines in order,
	 * then the conversation's state if the batch changed it. Called by the writer thread
	 * in commit order.
	 * @param after the conversation as the batch left it (status and assignee)
	 */
	void appended(List<Message> lines, Conversation after, boolean stateChanged) {
		Access access = Access.of(after);
		for (MessagePair pair : this.views.pairs(lines)) {
			this.bus.publish(new ChatEvents.MessageAdded(pair, new Access(access.conversationId(), access.status(),
					access.assigneeId(), Math.max(access.version(), pair.staff().seq()))));
		}
		publishWritingIsReading(lines);
		if (stateChanged) {
			publishState(after.id());
		}
	}

	/**
	 * Writing is reading: the sender has seen everything up to their own message.
	 */
	private void publishWritingIsReading(List<Message> lines) {
		Message last = lines.get(lines.size() - 1);
		if (last.side() == Side.AGENT || last.side() == Side.VISITOR) {
			this.bus.publish(new ChatEvents.Read(last.conversationId(), last.side(), last.seq()));
		}
	}

	/** Publishes a conversation's current state now. */
	void publishState(long conversationId) {
		this.conversations.findById(conversationId)
			.ifPresent((c) -> this.bus.publish(
					new ChatEvents.ConversationChanged(this.views.conversation(c, false), this.views.forVisitor(c))));
	}

	void publish(Object liveEvent) {
		this.bus.publish(liveEvent);
	}

	/** Publishes a live event once the current transaction has committed. */
	void publishAfterCommit(Object liveEvent) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("Conversation changes are published after a transaction commits");
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				LiveFeed.this.bus.publish(liveEvent);
			}

		});
	}

	private void publishCommitted(Map<Long, List<Message>> changes) {
		changes.forEach((conversationId, lines) -> this.conversations.findById(conversationId).ifPresent((c) -> {
			if (!lines.isEmpty()) {
				Access access = Access.of(c);
				for (MessagePair pair : this.views.pairs(lines)) {
					this.bus.publish(new ChatEvents.MessageAdded(pair, access));
				}
				publishWritingIsReading(lines);
			}
			this.bus.publish(
					new ChatEvents.ConversationChanged(this.views.conversation(c, false), this.views.forVisitor(c)));
		}));
	}

	/**
	 * The changes collected in the current transaction, published after it commits. Every
	 * change of a conversation runs in a transaction.
	 */
	@SuppressWarnings("unchecked")
	private Map<Long, List<Message>> pending() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("Conversation changes are published after a transaction commits");
		}
		Map<Long, List<Message>> changes = (Map<Long, List<Message>>) TransactionSynchronizationManager
			.getResource(this);
		if (changes == null) {
			Map<Long, List<Message>> created = new LinkedHashMap<>();
			TransactionSynchronizationManager.bindResource(this, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(LiveFeed.this);
					if (status == STATUS_COMMITTED) {
						publishCommitted(created);
					}
				}

			});
			changes = created;
		}
		return changes;
	}

}
