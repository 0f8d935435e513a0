package dev.parley.analytics.internal.textmining;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

import dev.parley.platform.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Analyses the conversations named in {@code mining_pending}, every
 * {@code parley.analytics.mining-interval} (5 s) on one node of the cluster at a time (a
 * lease), in batches: the only writer of text mining's rows and rollup.
 */
@Component
public class MiningWorker {

	private static final Logger logger = LoggerFactory.getLogger(MiningWorker.class);

	static final String LEASE = "analytics-mining";

	static final int BATCH = 100;

	private final ReentrantLock lock = new ReentrantLock();

	private final MiningPending pending;

	private final MiningAnalyser analyser;

	private final Leases leases;

	MiningWorker(MiningPending pending, MiningAnalyser analyser, Leases leases) {
		this.pending = pending;
		this.analyser = analyser;
		this.leases = leases;
	}

	@Scheduled(fixedDelayString = "${parley.analytics.mining-interval:5s}",
			initialDelayString = "${parley.analytics.mining-interval:15s}")
	void scheduled() {
		try {
			runOnce();
		}
		catch (RuntimeException ex) {
			logger.warn("Analysing the texts of closed conversations failed; trying again on the next run", ex);
		}
	}

	/**
	 * Analyses what is pending, if this node holds the lease.
	 * @return how many conversations were analysed or forgotten
	 */
	public int runOnce() {
		return exclusively(this::drain);
	}

	/**
	 * Runs the job as the only writer, on this node and in the cluster.
	 * @return its result, or -1 when another node holds the lease
	 */
	int exclusively(IntSupplier job) {
		this.lock.lock();
		try {
			Integer done = this.leases.callExclusively(LEASE, Duration.ofMinutes(30), job::getAsInt);
			return (done != null) ? done : -1;
		}
		finally {
			this.lock.unlock();
		}
	}

	private int drain() {
		int done = 0;
		List<MiningPending.Entry> entries;
		while (!(entries = this.pending.oldest(BATCH)).isEmpty()) {
			Set<Long> ids = new LinkedHashSet<>();
			List<Long> entryIds = new ArrayList<>();
			for (MiningPending.Entry entry : entries) {
				ids.add(entry.conversationId());
				entryIds.add(entry.id());
			}
			done += this.analyser.analyse(ids);
			this.pending.delete(entryIds);
		}
		return done;
	}

}
