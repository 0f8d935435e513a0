package dev.parley.operations.internal;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import dev.parley.operations.SelfCheck;
import dev.parley.operations.SelfCheckContext;
import dev.parley.operations.SelfCheckStatus;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Every {@link SelfCheck} bean of the application, run together for an administrator (in
 * the beans' {@code @Order}), and the record of each run.
 */
@Service
@EnableConfigurationProperties(SelfCheckProperties.class)
public class SelfChecks implements DisposableBean {

	private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");

	private final ObjectProvider<SelfCheck> checks;

	private final SelfCheckRuns runs;

	private final ExecutorService workers;

	private final SelfCheckRunner runner;

	SelfChecks(ObjectProvider<SelfCheck> checks, SelfCheckRuns runs, SelfCheckProperties properties) {
		current(checks);
		this.checks = checks;
		this.runs = runs;
		AtomicInteger threads = new AtomicInteger();
		this.workers = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "self-check-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.runner = new SelfCheckRunner(this.workers, properties.timeout());
	}

	/** A run: each check's outcome, and the run as recorded. */
	public record Report(List<SelfCheckRunner.Outcome> outcomes, SelfCheckRuns.Run run) {
	}

	/**
	 * The check beans in their order, keys checked (at start-up, so a bad key stops the
	 * application rather than the page).
	 */
	private static List<SelfCheck> current(ObjectProvider<SelfCheck> checks) {
		List<SelfCheck> current = checks.orderedStream().toList();
		Set<String> keys = new HashSet<>();
		for (SelfCheck check : current) {
			if (!KEY.matcher(check.key()).matches() || !keys.add(check.key())) {
				throw new IllegalStateException("Self-check keys must be unique, lower case with dashes: " + check.key()
						+ " (" + check.getClass().getName() + ")");
			}
		}
		return current;
	}

	public Report runAll(SelfCheckContext context, String actor) {
		List<SelfCheckRunner.Outcome> outcomes = this.runner.run(current(this.checks), context);
		Map<SelfCheckStatus, Integer> counts = new EnumMap<>(SelfCheckStatus.class);
		for (SelfCheckRunner.Outcome outcome : outcomes) {
			counts.merge(outcome.result().status(), 1, Integer::sum);
		}
		SelfCheckRuns.Run run = this.runs.record(actor, counts.getOrDefault(SelfCheckStatus.OK, 0),
				counts.getOrDefault(SelfCheckStatus.WARNING, 0), counts.getOrDefault(SelfCheckStatus.FAILED, 0));
		return new Report(outcomes, run);
	}

	public Optional<SelfCheckRuns.Run> lastRun() {
		return this.runs.last();
	}

	@Override
	public void destroy() {
		this.workers.shutdownNow();
	}

}
