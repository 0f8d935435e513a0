package dev.parley.operations.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the self-check asks of every supported database: the record of runs, the engine's
 * name, and its clock read in the engine's own dialect. One subclass per engine.
 */
@Transactional
abstract class SelfCheckRepositoryContract {

	@Autowired
	SelfCheckRuns runs;

	@Autowired
	DatabaseEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsRunsAndFindsTheLatest() {
		this.jdbc.sql("DELETE FROM self_check_run").update();
		assertThat(this.runs.last()).isEmpty();
		this.runs.record("ada", 5, 1, 1);
		this.runs.record("bob", 7, 0, 0);
		SelfCheckRuns.Run last = this.runs.last().orElseThrow();
		assertThat(last.ranBy()).isEqualTo("bob");
		assertThat(last.ok()).isEqualTo(7);
		assertThat(last.ranAt()).isCloseTo(Instant.now(), within(Duration.ofSeconds(10)));
	}

	@Test
	void readsTheDatabasesClock() {
		DatabaseEngine.Product product = this.engine.product();
		assertThat(product.name()).isNotBlank();
		assertThat(product.version()).isNotBlank();
		Instant now = this.engine.now(product);
		// the same machine's clock; H2 reads the transaction's start, which is this
		// test's
		assertThat(now).isCloseTo(Instant.now(), within(Duration.ofSeconds(30)));
		assertThat(now.toEpochMilli() % 1000 != 0 || this.engine.now(product).toEpochMilli() % 1000 != 0)
			.as("milliseconds, not whole seconds")
			.isTrue();
	}

	private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
		return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toMillis(),
				java.time.temporal.ChronoUnit.MILLIS);
	}

}
