package dev.parley.analytics.internal;

import dev.parley.conversations.ConversationAssigned;
import dev.parley.conversations.ConversationClosed;
import dev.parley.conversations.ConversationRated;
import dev.parley.conversations.ConversationReopened;
import dev.parley.conversations.ConversationStarted;
import dev.parley.conversations.ConversationTransferred;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hears of conversations whose figures changed and names them for the worker
 * ({@link AnalyticsWorker}), which folds their transcripts in batches. Idempotent: a
 * conversation named twice is folded twice, and the second fold finds no new line.
 * Messages are not heard one by one (that would double the durable writes of every chat
 * message): the worker finds open conversations whose transcripts grew by itself
 * (docs/decisions/0009).
 */
@Component
class ConversationEvents {

	private final PendingRepository pending;

	ConversationEvents(PendingRepository pending) {
		this.pending = pending;
	}

	@ApplicationModuleListener
	void on(ConversationStarted event) {
		name(event.conversationId());
	}

	@ApplicationModuleListener
	void on(ConversationAssigned event) {
		name(event.conversationId());
	}

	@ApplicationModuleListener
	void on(ConversationTransferred event) {
		name(event.conversationId());
	}

	@ApplicationModuleListener
	void on(ConversationClosed event) {
		name(event.conversationId());
	}

	@ApplicationModuleListener
	void on(ConversationReopened event) {
		name(event.conversationId());
	}

	@ApplicationModuleListener
	void on(ConversationRated event) {
		name(event.conversationId());
	}

	private void name(long conversationId) {
		this.pending.add(conversationId);
	}

}
