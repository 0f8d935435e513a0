package dev.parley.analytics.internal.textmining;

import dev.parley.conversations.ConversationAnonymised;
import dev.parley.conversations.ConversationClosed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Names the conversations whose texts are to be analysed ({@link MiningWorker}): a closed
 * one (also when it closes again after a reopening), and an anonymised one, whose texts
 * are gone, so its terms are removed.
 */
@Component
class MiningEvents {

	private final MiningPending pending;

	MiningEvents(MiningPending pending) {
		this.pending = pending;
	}

	@ApplicationModuleListener
	void on(ConversationClosed event) {
		this.pending.add(event.conversationId());
	}

	@ApplicationModuleListener
	void on(ConversationAnonymised event) {
		this.pending.add(event.conversationId());
	}

}
