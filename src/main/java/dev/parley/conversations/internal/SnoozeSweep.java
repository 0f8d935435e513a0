package dev.parley.conversations.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Wakes snoozed conversations whose time has come. Safe on many nodes at once: each
 * conversation wakes under a compare-and-set that one node wins.
 */
@Component
class SnoozeSweep {

	private static final Logger logger = LoggerFactory.getLogger(SnoozeSweep.class);

	private final Snoozes snoozes;

	SnoozeSweep(Snoozes snoozes) {
		this.snoozes = snoozes;
	}

	@Scheduled(fixedDelayString = "${parley.chat.snooze-sweep:30s}", initialDelayString = "20s")
	void sweep() {
		try {
			int woken = this.snoozes.wakeDue();
			if (woken > 0) {
				logger.info("Woke {} snoozed conversations", woken);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Snooze sweep failed; retrying on the next run", ex);
		}
	}

}
