package dev.parley.operations.internal.backup;

import java.util.EnumMap;
import java.util.Map;

import dev.parley.operations.BackupKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The strategy ({@code backup_strategy}) and the schedules ({@code backup_schedule}). */
@Repository
class StrategyRepository {

	private final JdbcClient jdbc;

	StrategyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	BackupStrategy get() {
		Map<BackupKind, String> schedules = new EnumMap<>(BackupKind.class);
		this.jdbc.sql("SELECT kind, cron FROM backup_schedule")
			.query((org.springframework.jdbc.core.RowCallbackHandler) (rs) -> schedules
				.put(BackupKind.valueOf(rs.getString("kind")), rs.getString("cron")));
		return this.jdbc
			.sql("SELECT directory, compress, encrypt, keep_daily, keep_weekly, keep_monthly, verify_cron "
					+ "FROM backup_strategy WHERE id = 1")
			.query((rs, row) -> new BackupStrategy(rs.getString("directory"), schedules, rs.getBoolean("compress"),
					rs.getBoolean("encrypt"), rs.getInt("keep_daily"), rs.getInt("keep_weekly"),
					rs.getInt("keep_monthly"), rs.getString("verify_cron")))
			.single();
	}

	void save(BackupStrategy strategy, long at, String actor) {
		// verify_slot before verify_cron: MySQL assigns left to right
		this.jdbc
			.sql("UPDATE backup_strategy SET directory = ?, compress = ?, encrypt = ?, keep_daily = ?, "
					+ "keep_weekly = ?, keep_monthly = ?, verify_slot = CASE WHEN verify_cron = ? THEN verify_slot "
					+ "ELSE NULL END, verify_cron = ?, updated_at = ?, updated_by = ? WHERE id = 1")
			.params(strategy.directory(), strategy.compress(), strategy.encrypt(), strategy.keepDaily(),
					strategy.keepWeekly(), strategy.keepMonthly(), strategy.verifyCron(), strategy.verifyCron(), at,
					actor)
			.update();
		for (BackupKind kind : BackupKind.values()) {
			String cron = strategy.schedules().get(kind);
			// a changed schedule starts counting from now, not from its old last run
			this.jdbc
				.sql("UPDATE backup_schedule SET last_slot = CASE WHEN cron = ? THEN last_slot ELSE NULL END, "
						+ "cron = ? WHERE kind = ?")
				.params(cron, cron, kind.name())
				.update();
		}
	}

	/**
	 * @return the planned time of the last scheduled run of the kind, or null
	 */
	Long lastSlot(BackupKind kind) {
		return nullable(this.jdbc.sql("SELECT last_slot FROM backup_schedule WHERE kind = ?")
			.param(kind.name())
			.query((rs, row) -> rs.getObject(1, Long.class))
			.list());
	}

	private static Long nullable(java.util.List<Long> values) {
		return values.isEmpty() ? null : values.get(0);
	}

	/**
	 * Takes a planned time for this node: succeeds for exactly one node of a cluster.
	 * @param expected the last slot read (null when none)
	 */
	boolean takeSlot(BackupKind kind, Long expected, long slot) {
		if (expected == null) {
			return this.jdbc.sql("UPDATE backup_schedule SET last_slot = ? WHERE kind = ? AND last_slot IS NULL")
				.params(slot, kind.name())
				.update() == 1;
		}
		return this.jdbc.sql("UPDATE backup_schedule SET last_slot = ? WHERE kind = ? AND last_slot = ?")
			.params(slot, kind.name(), expected)
			.update() == 1;
	}

	Long verifySlot() {
		return nullable(this.jdbc.sql("SELECT verify_slot FROM backup_strategy WHERE id = 1")
			.query((rs, row) -> rs.getObject(1, Long.class))
			.list());
	}

	boolean takeVerifySlot(Long expected, long slot) {
		if (expected == null) {
			return this.jdbc.sql("UPDATE backup_strategy SET verify_slot = ? WHERE id = 1 AND verify_slot IS NULL")
				.param(slot)
				.update() == 1;
		}
		return this.jdbc.sql("UPDATE backup_strategy SET verify_slot = ? WHERE id = 1 AND verify_slot = ?")
			.params(slot, expected)
			.update() == 1;
	}

}
