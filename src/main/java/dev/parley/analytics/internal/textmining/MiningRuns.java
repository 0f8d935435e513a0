package dev.parley.analytics.internal.textmining;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.parley.administration.Settings;
import dev.parley.analytics.internal.ReportRange;
import dev.parley.conversations.ConversationFacts;
import dev.parley.platform.ApiException;
import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.StaffActor;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Re-analysing the conversations started in a period (after the dictionary changed), one
 * run at a time per node, in the background, in batches under the worker's lease; a batch
 * another node's worker holds the lease for is handed to it through
 * {@code mining_pending}.
 */
@Service
public class MiningRuns {

	private static final Logger logger = LoggerFactory.getLogger(MiningRuns.class);

	private static final int PAGE = 500;

	private final ConversationFacts conversations;

	private final MiningWorker worker;

	private final MiningAnalyser analyser;

	private final MiningPending pending;

	private final Settings settings;

	private final AuditLog audit;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((r) -> {
		Thread thread = new Thread(r, "text-mining-run");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicReference<Status> status = new AtomicReference<>(
			new Status(State.IDLE, null, null, null, null, 0, null));

	MiningRuns(ConversationFacts conversations, MiningWorker worker, MiningAnalyser analyser, MiningPending pending,
			Settings settings, AuditLog audit, Clock clock) {
		this.conversations = conversations;
		this.worker = worker;
		this.analyser = analyser;
		this.pending = pending;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	public enum State {

		IDLE, RUNNING, DONE, FAILED

	}

	/**
	 * @param analysed conversations analysed (or handed to another node) so far
	 */
	public record Status(State state, String from, String to, Instant startedAt, Instant finishedAt, long analysed,
			String startedBy) {
	}

	public record Request(String from, String to) {
	}

	public Status start(Request request, StaffActor actor) {
		ZoneId zone = ZoneId.of(this.settings.get("organisation.timeZone"));
		ReportRange range = ReportRange.parse((request != null) ? request.from() : null,
				(request != null) ? request.to() : null, null, null, zone);
		Status running = new Status(State.RUNNING, range.from().toString(), range.to().toString(), this.clock.instant(),
				null, 0, actor.username());
		Status before = this.status.get();
		if (before.state() == State.RUNNING || !this.status.compareAndSet(before, running)) {
			throw ApiException.conflict("mining_run_running", "A text mining run is under way already");
		}
		this.audit.record(actor.username(), "text_mining.rerun", range.from() + ".." + range.to(), AuditResult.SUCCESS,
				null);
		Instant from = range.from().atStartOfDay(zone).toInstant();
		Instant to = range.to().plusDays(1).atStartOfDay(zone).toInstant();
		this.executor.execute(() -> {
			AtomicLong analysed = new AtomicLong();
			try {
				long after = 0;
				List<Long> page;
				while (!(page = this.conversations.startedBetween(from, to, after, PAGE)).isEmpty()) {
					after = page.get(page.size() - 1);
					List<Long> ids = page;
					if (this.worker.exclusively(() -> this.analyser.analyse(ids)) < 0) {
						ids.forEach(this.pending::add);
					}
					analysed.addAndGet(ids.size());
					this.status.set(new Status(State.RUNNING, running.from(), running.to(), running.startedAt(), null,
							analysed.get(), running.startedBy()));
				}
				this.status.set(new Status(State.DONE, running.from(), running.to(), running.startedAt(),
						this.clock.instant(), analysed.get(), running.startedBy()));
			}
			catch (RuntimeException ex) {
				logger.error("Re-analysing the texts of {}..{} failed", running.from(), running.to(), ex);
				this.status.set(new Status(State.FAILED, running.from(), running.to(), running.startedAt(),
						this.clock.instant(), analysed.get(), running.startedBy()));
			}
		});
		return running;
	}

	public Status status() {
		return this.status.get();
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

}
