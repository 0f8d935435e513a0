package dev.parley.analytics.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Rebuilds started by an administrator, one at a time per node, in the background (over a
 * million conversations it takes minutes), with their state for the console.
 */
@Service
public class Rebuilds {

	private static final Logger logger = LoggerFactory.getLogger(Rebuilds.class);

	private final Rebuild rebuild;

	private final AuditLog audit;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((r) -> {
		Thread thread = new Thread(r, "analytics-rebuild");
		thread.setDaemon(true);
		return thread;
	});

	/** Rebuilds started or queued and not finished. */
	private final AtomicInteger pending = new AtomicInteger();

	private final AtomicReference<Status> status = new AtomicReference<>(new Status(State.IDLE, null, null, 0, null));

	Rebuilds(Rebuild rebuild, AuditLog audit, Clock clock) {
		this.rebuild = rebuild;
		this.audit = audit;
		this.clock = clock;
	}

	public enum State {

		IDLE, RUNNING, DONE, FAILED;

	}

	/**
	 * @param folded how many conversations the last rebuild folded
	 */
	public record Status(State state, Instant startedAt, Instant finishedAt, long folded, String startedBy) {
	}

	public Status start(StaffActor actor) {
		return start(actor.username());
	}

	/**
	 * Starts a rebuild on behalf of someone (the username the status and the audit log
	 * name).
	 */
	Status start(String username) {
		Status running = new Status(State.RUNNING, this.clock.instant(), null, 0, username);
		Status before = this.status.get();
		if (before.state() == State.RUNNING || !this.status.compareAndSet(before, running)) {
			throw ApiException.conflict("rebuild_running", "A rebuild of the figures is running already");
		}
		this.audit.record(username, "statistics.rebuilt", null, AuditResult.SUCCESS, null);
		this.pending.incrementAndGet();
		this.executor.execute(() -> run(running));
		return running;
	}

	/**
	 * A rebuild that must start after whatever runs now (the organisation's time zone
	 * changed while one may be cutting days in the old one): queued behind it. The status
	 * says RUNNING from now until the last queued rebuild is done.
	 */
	void queue(String username, String reason) {
		this.audit.record(username, "statistics.rebuilt", null, AuditResult.SUCCESS, reason);
		Status running = new Status(State.RUNNING, this.clock.instant(), null, 0, username);
		this.pending.incrementAndGet();
		this.status.set(running);
		this.executor.execute(() -> run(running));
	}

	private void run(Status running) {
		Status done;
		try {
			int folded = this.rebuild.run();
			done = new Status(State.DONE, running.startedAt(), this.clock.instant(), folded, running.startedBy());
		}
		catch (RuntimeException ex) {
			logger.error("Rebuilding the figures failed", ex);
			done = new Status(State.FAILED, running.startedAt(), this.clock.instant(), 0, running.startedBy());
		}
		if (this.pending.decrementAndGet() == 0) {
			this.status.set(done);
		}
	}

	public Status status() {
		return this.status.get();
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

}
