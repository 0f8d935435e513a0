package dev.parley.platform.internal;

import java.time.Instant;
import java.util.Optional;

import dev.parley.platform.Maintenance;
import dev.parley.platform.MaintenanceReason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one row of {@code maintenance_state}. Beginning and ending are compare-and-sets on
 * it, so two nodes never both begin one, and a handle ends only its own maintenance.
 */
@Repository
class MaintenanceRepository {

	private final JdbcClient jdbc;

	MaintenanceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The state: the generation of the last maintenance begun, and the notice while it is
	 * active.
	 */
	record State(long generation, Maintenance.Notice notice) {

		boolean active() {
			return this.notice != null;
		}

	}

	State load() {
		return this.jdbc
			.sql("SELECT generation, reason, message, since, started_by FROM maintenance_state WHERE id = 1")
			.query((rs, n) -> {
				String reason = rs.getString("reason");
				Maintenance.Notice notice = (reason != null) ? new Maintenance.Notice(MaintenanceReason.valueOf(reason),
						rs.getString("message"), Instant.ofEpochMilli(rs.getLong("since")), rs.getString("started_by"))
						: null;
				return new State(rs.getLong("generation"), notice);
			})
			.single();
	}

	/**
	 * Begins a maintenance unless one is active.
	 * @return its generation, or empty when one is active already
	 */
	Optional<Long> begin(Maintenance.Notice notice) {
		State state = load();
		if (state.active()) {
			return Optional.empty();
		}
		long generation = state.generation() + 1;
		int updated = this.jdbc.sql("""
				UPDATE maintenance_state SET generation = ?, reason = ?, message = ?, since = ?, started_by = ?
				WHERE id = 1 AND generation = ? AND reason IS NULL""")
			.params(generation, notice.reason().name(), notice.message(), notice.since().toEpochMilli(), notice.by(),
					state.generation())
			.update();
		return (updated == 1) ? Optional.of(generation) : Optional.empty();
	}

	/**
	 * Ends the maintenance of the generation (any generation when null).
	 * @return whether it was active and is ended now
	 */
	boolean end(Long generation) {
		if (generation == null) {
			return this.jdbc
				.sql("UPDATE maintenance_state SET reason = NULL, message = NULL, since = NULL, started_by = NULL "
						+ "WHERE id = 1 AND reason IS NOT NULL")
				.update() == 1;
		}
		return this.jdbc
			.sql("UPDATE maintenance_state SET reason = NULL, message = NULL, since = NULL, started_by = NULL "
					+ "WHERE id = 1 AND reason IS NOT NULL AND generation = ?")
			.param(generation)
			.update() == 1;
	}

}
