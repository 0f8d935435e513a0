package dev.parley.operations.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import dev.parley.operations.SelfCheck;
import dev.parley.operations.SelfCheckContext;
import dev.parley.operations.SelfCheckResult;
import dev.parley.operations.SelfCheckStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks run side by side; one that hangs or throws does not hold up or spoil the rest.
 */
class SelfCheckRunnerTests {

	private final ExecutorService workers = Executors.newCachedThreadPool();

	private final CountDownLatch never = new CountDownLatch(1);

	private static final SelfCheckContext CONTEXT = new SelfCheckContext(Optional.empty(), Instant.now(),
			"http://localhost:8080", "127.0.0.1", Map.of());

	@AfterEach
	void stop() {
		this.never.countDown();
		this.workers.shutdownNow();
	}

	@Test
	void aHungCheckFailsAfterTheTimeoutWhileTheOthersAnswer() {
		SelfCheckRunner runner = new SelfCheckRunner(this.workers, Duration.ofMillis(1500));
		long started = System.nanoTime();
		List<SelfCheckRunner.Outcome> outcomes = runner.run(List.of(check("first", (context) -> {
			sleep(300);
			return SelfCheckResult.ok("fine");
		}), check("hung", (context) -> {
			try {
				this.never.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return SelfCheckResult.ok("too late");
		}), check("second", (context) -> {
			sleep(300);
			return SelfCheckResult.warning("meh");
		})), CONTEXT);
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();

		assertThat(millis).as("parallel, bounded by the timeout").isBetween(1400L, 3000L);
		assertThat(outcomes).extracting(SelfCheckRunner.Outcome::key).containsExactly("first", "hung", "second");
		assertThat(outcomes.get(0).result().status()).isEqualTo(SelfCheckStatus.OK);
		assertThat(outcomes.get(2).result().status()).isEqualTo(SelfCheckStatus.WARNING);
		SelfCheckResult hung = outcomes.get(1).result();
		assertThat(hung.status()).isEqualTo(SelfCheckStatus.FAILED);
		assertThat(hung.detail().key()).isEqualTo("selfCheck.timedOut");
		assertThat(hung.detail().arguments()).containsEntry("seconds", 1L);
		assertThat(hung.fix().key()).isEqualTo("selfCheck.timedOut.fix");
	}

	@Test
	void aCheckThatThrowsOrAnswersNothingFails() {
		SelfCheckRunner runner = new SelfCheckRunner(this.workers, Duration.ofSeconds(5));
		List<SelfCheckRunner.Outcome> outcomes = runner.run(List.of(check("throws", (context) -> {
			throw new IllegalStateException("disk on fire");
		}), check("nothing", (context) -> null)), CONTEXT);
		assertThat(outcomes.get(0).result().status()).isEqualTo(SelfCheckStatus.FAILED);
		assertThat(outcomes.get(0).result().detail().arguments()).containsEntry("error", "disk on fire");
		assertThat(outcomes.get(1).result().status()).isEqualTo(SelfCheckStatus.FAILED);
	}

	private static SelfCheck check(String key, Function<SelfCheckContext, SelfCheckResult> body) {
		return new SelfCheck() {

			@Override
			public String key() {
				return key;
			}

			@Override
			public SelfCheckResult run(SelfCheckContext context) {
				return body.apply(context);
			}

		};
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
