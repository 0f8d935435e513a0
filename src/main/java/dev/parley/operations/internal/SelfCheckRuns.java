package dev.parley.operations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of self-check runs ({@code self_check_run}): who ran them, with what
 * outcome.
 */
@Repository
public class SelfCheckRuns {

	private static final Duration KEPT = Duration.ofDays(90);

	private final JdbcClient jdbc;

	private final Clock clock;

	SelfCheckRuns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A stored run. */
	public record Run(Instant ranAt, String ranBy, int ok, int warnings, int failed) {
	}

	@Transactional
	public Run record(String actor, int ok, int warnings, int failed) {
		Instant now = Instant.ofEpochMilli(this.clock.millis());
		this.jdbc
			.sql("INSERT INTO self_check_run (ran_at, ran_by, ok_count, warning_count, failed_count) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(now.toEpochMilli(), actor, ok, warnings, failed)
			.update();
		this.jdbc.sql("DELETE FROM self_check_run WHERE ran_at < ?").params(now.minus(KEPT).toEpochMilli()).update();
		return new Run(now, actor, ok, warnings, failed);
	}

	/** The latest run stored (by insertion: test clocks move back and forth). */
	public Optional<Run> last() {
		return this.jdbc
			.sql("SELECT ran_at, ran_by, ok_count, warning_count, failed_count FROM self_check_run "
					+ "ORDER BY id DESC LIMIT 1")
			.query((rs, row) -> new Run(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getInt(3),
					rs.getInt(4), rs.getInt(5)))
			.optional();
	}

}
