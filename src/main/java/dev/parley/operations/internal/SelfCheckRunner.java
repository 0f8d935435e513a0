package dev.parley.operations.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.parley.operations.SelfCheck;
import dev.parley.operations.SelfCheckContext;
import dev.parley.operations.SelfCheckResult;

/**
 * Runs checks in parallel, each within the same time limit counted from the start: a
 * check that has not answered by then is reported as failed ("did not answer within N s")
 * and left to finish on its own thread, so one hung check never holds up the page.
 */
public final class SelfCheckRunner {

	private final ExecutorService workers;

	private final Duration timeout;

	public SelfCheckRunner(ExecutorService workers, Duration timeout) {
		this.workers = workers;
		this.timeout = timeout;
	}

	/** One check's outcome and how long it took. */
	public record Outcome(String key, SelfCheckResult result, long millis) {
	}

	/**
	 * @return one outcome per check, in the order of the checks
	 */
	public List<Outcome> run(List<SelfCheck> checks, SelfCheckContext context) {
		long started = System.nanoTime();
		List<Future<Outcome>> futures = new ArrayList<>();
		for (SelfCheck check : checks) {
			futures.add(this.workers.submit(() -> timed(check, context)));
		}
		long deadline = started + this.timeout.toNanos();
		List<Outcome> outcomes = new ArrayList<>();
		for (int i = 0; i < checks.size(); i++) {
			outcomes.add(await(checks.get(i), futures.get(i), deadline));
		}
		return outcomes;
	}

	private Outcome await(SelfCheck check, Future<Outcome> future, long deadline) {
		try {
			return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			return new Outcome(check.key(),
					SelfCheckResult.failed("selfCheck.timedOut", "seconds", Math.max(1, this.timeout.toMillis() / 1000))
						.withFix("selfCheck.timedOut.fix"),
					this.timeout.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(check.key(), SelfCheckResult.failed("selfCheck.interrupted"), 0);
		}
		catch (ExecutionException ex) {
			// timed() catches everything a check throws; this is the executor refusing
			return new Outcome(check.key(), crashed(ex.getCause()), 0);
		}
	}

	private static Outcome timed(SelfCheck check, SelfCheckContext context) {
		long started = System.nanoTime();
		SelfCheckResult result;
		try {
			result = check.run(context);
			if (result == null) {
				throw new IllegalStateException("The check returned nothing");
			}
		}
		catch (RuntimeException | Error ex) {
			result = crashed(ex);
		}
		return new Outcome(check.key(), result, (System.nanoTime() - started) / 1_000_000);
	}

	private static SelfCheckResult crashed(Throwable failure) {
		String message = (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
		return SelfCheckResult.failed("selfCheck.crashed", "error", message);
	}

}
