package dev.parley.platform.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.parley.platform.Maintenance;
import dev.parley.platform.MaintenanceReason;
import dev.parley.platform.RunsDuringMaintenance;
import dev.parley.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduling processor of {@link SchedulingConfiguration} in a context of its own
 * with two jobs every 10 ms: while the gate is closed the ordinary job is skipped and the
 * one marked {@link RunsDuringMaintenance} goes on; a run already going is counted until
 * it ends, so entering maintenance waits for it.
 */
@Timeout(60)
class MaintenanceSchedulingTests {

	private static final Maintenance.Notice NOTICE = new Maintenance.Notice(MaintenanceReason.BACKUP, null,
			java.time.Instant.now(), "test");

	@Test
	void skipsScheduledRunsDuringMaintenanceExceptMarkedOnes() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
				SchedulingConfiguration.class, QuietGate.class, Jobs.class)) {
			QuietGate gate = context.getBean(QuietGate.class);
			Jobs jobs = context.getBean(Jobs.class);
			Eventually.until("both jobs run", () -> jobs.ordinary.get() > 2 && jobs.exempt.get() > 2);

			gate.close(NOTICE);
			Eventually.until("no ordinary run in progress", () -> gate.running() == 0);
			int ordinary = jobs.ordinary.get();
			int exempt = jobs.exempt.get();
			// the exempt job runs on, on the same scheduler: meanwhile the ordinary one
			// was due
			// many times
			Eventually.until("the exempt job runs on", () -> jobs.exempt.get() >= exempt + 10);
			assertThat(jobs.ordinary.get()).as("ordinary runs during maintenance").isEqualTo(ordinary);

			gate.open();
			Eventually.until("the ordinary job runs again", () -> jobs.ordinary.get() > ordinary);
		}
	}

	@Test
	void countsARunningJobUntilItEnds() throws Exception {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
				SchedulingConfiguration.class, QuietGate.class, SlowJob.class)) {
			QuietGate gate = context.getBean(QuietGate.class);
			SlowJob job = context.getBean(SlowJob.class);
			assertThat(job.started.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(gate.running()).isEqualTo(1);

			gate.close(NOTICE);
			assertThat(gate.awaitQuiet(Duration.ofMillis(50), () -> true)).as("the run is still going").isFalse();
			job.release.countDown();
			assertThat(gate.awaitQuiet(Duration.ofSeconds(10), () -> true)).isTrue();
			assertThat(job.runs.get()).isEqualTo(1);
		}
	}

	static class Jobs {

		final AtomicInteger ordinary = new AtomicInteger();

		final AtomicInteger exempt = new AtomicInteger();

		@Scheduled(fixedDelay = 10)
		void ordinary() {
			this.ordinary.incrementAndGet();
		}

		@Scheduled(fixedDelay = 10)
		@RunsDuringMaintenance
		void exempt() {
			this.exempt.incrementAndGet();
		}

	}

	static class SlowJob {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger runs = new AtomicInteger();

		@Scheduled(fixedDelay = 10)
		void run() throws InterruptedException {
			this.runs.incrementAndGet();
			this.started.countDown();
			this.release.await(30, TimeUnit.SECONDS);
		}

	}

}
