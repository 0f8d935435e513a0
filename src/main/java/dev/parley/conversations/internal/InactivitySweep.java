package dev.parley.conversations.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes conversations nobody has written in for {@code chat.inactivityCloseMinutes}.
 * Safe on many nodes at once: closing takes the conversation's row lock and a closed
 * conversation is not closed again.
 */
@Component
class InactivitySweep {

	private static final Logger logger = LoggerFactory.getLogger(InactivitySweep.class);

	private final ConversationLifecycle conversations;

	InactivitySweep(ConversationLifecycle conversations) {
		this.conversations = conversations;
	}

	@Scheduled(fixedDelayString = "${parley.chat.inactivity-sweep:60s}", initialDelayString = "30s")
	void sweep() {
		try {
			int closed = this.conversations.closeInactive();
			if (closed > 0) {
				logger.info("Closed {} inactive conversations", closed);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Inactivity sweep failed; retrying on the next run", ex);
		}
	}

}
