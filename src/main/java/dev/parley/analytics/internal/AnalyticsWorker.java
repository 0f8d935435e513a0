package dev.parley.analytics.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import dev.parley.conversations.ConversationFacts;
import dev.parley.platform.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the figures up to date, every {@code parley.analytics.fold-interval} (2 s) on one
 * node of the cluster at a time (a lease): folds the conversations events named
 * ({@link PendingRepository}) and the open conversations whose transcripts grew since
 * their last fold, in batches. Being the only writer of the totals keeps them simple (no
 * two transactions add to one row).
 */
@Component
class AnalyticsWorker {

	private static final Logger logger = LoggerFactory.getLogger(AnalyticsWorker.class);

	static final String LEASE = "analytics-fold";

	private static final int BATCH = 200;

	private final ReentrantLock lock = new ReentrantLock();

	private final PendingRepository pending;

	private final FactRepository facts;

	private final FactFolder folder;

	private final ConversationFacts conversations;

	private final Leases leases;

	AnalyticsWorker(PendingRepository pending, FactRepository facts, FactFolder folder, ConversationFacts conversations,
			Leases leases) {
		this.pending = pending;
		this.facts = facts;
		this.folder = folder;
		this.conversations = conversations;
		this.leases = leases;
	}

	@Scheduled(fixedDelayString = "${parley.analytics.fold-interval:2s}", initialDelayString = "10s")
	void scheduled() {
		try {
			runOnce();
		}
		catch (RuntimeException ex) {
			logger.warn("Bringing the figures up to date failed; trying again on the next run", ex);
		}
	}

	/**
	 * Folds what is due now, if this node holds the lease.
	 * @return how many conversations' figures changed
	 */
	int runOnce() {
		return exclusively(() -> drainPending() + sweepOpen());
	}

	/**
	 * Runs the job as the only writer of the figures, on this node and in the cluster.
	 */
	int exclusively(java.util.function.IntSupplier job) {
		this.lock.lock();
		try {
			Integer changed = this.leases.callExclusively(LEASE, Duration.ofMinutes(30), job::getAsInt);
			return (changed != null) ? changed : 0;
		}
		finally {
			this.lock.unlock();
		}
	}

	private int drainPending() {
		int changed = 0;
		List<PendingRepository.Entry> entries;
		while (!(entries = this.pending.oldest(BATCH)).isEmpty()) {
			Set<Long> ids = new LinkedHashSet<>();
			List<Long> entryIds = new ArrayList<>();
			for (PendingRepository.Entry entry : entries) {
				ids.add(entry.conversationId());
				entryIds.add(entry.id());
			}
			changed += this.folder.fold(ids);
			this.pending.delete(entryIds);
		}
		return changed;
	}

	private int sweepOpen() {
		Map<Long, Long> open = this.conversations.open();
		Map<Long, Long> folded = this.facts.lastSeqs(open.keySet());
		List<Long> grown = new ArrayList<>();
		open.forEach((id, lastSeq) -> {
			Long seq = folded.get(id);
			if (seq == null || seq < lastSeq) {
				grown.add(id);
			}
		});
		int changed = 0;
		for (int from = 0; from < grown.size(); from += BATCH) {
			changed += this.folder.fold(grown.subList(from, Math.min(grown.size(), from + BATCH)));
		}
		return changed;
	}

}
