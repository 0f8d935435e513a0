package dev.parley.conversations.internal;

import java.time.Duration;

import dev.parley.platform.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the transcript search index up with new messages, in batches, on one node of a
 * cluster at a time (a lease), never on the path of a message being sent.
 */
@Component
class TranscriptIndexer {

	private static final Logger logger = LoggerFactory.getLogger(TranscriptIndexer.class);

	private static final int BATCH = 200;

	private final TranscriptIndex index;

	private final Leases leases;

	TranscriptIndexer(TranscriptIndex index, Leases leases) {
		this.index = index;
		this.leases = leases;
	}

	@Scheduled(fixedDelayString = "${parley.search.transcript-index-interval:10s}", initialDelayString = "15s")
	void run() {
		try {
			this.leases.runExclusively("transcript-index", Duration.ofMinutes(5), () -> {
				int indexed;
				int rounds = 0;
				do {
					indexed = this.index.indexPending(BATCH);
				}
				while (indexed == BATCH && ++rounds < 10);
			});
		}
		catch (RuntimeException ex) {
			logger.warn("Transcript indexing failed; retrying on the next run", ex);
		}
	}

}
