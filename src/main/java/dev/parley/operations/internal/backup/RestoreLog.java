package dev.parley.operations.internal.backup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The restores done ({@code restore_run}). Written outside the restore's transaction, so
 * an entry survives the restore it describes, whichever way it ends.
 */
@Repository
class RestoreLog {

	private static final String COLUMNS = "id, backup_id, file_name, status, started_by, node, started_at, "
			+ "finished_at, progress, error, report";

	private final JdbcClient jdbc;

	RestoreLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long started(Long backupId, String fileName, String startedBy, String node, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO restore_run (backup_id, file_name, status, started_by, node, started_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(backupId, fileName, RestoreRun.RestoreStatus.RUNNING.name(), startedBy, node, at.toEpochMilli())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void progress(long id, String progress) {
		this.jdbc.sql("UPDATE restore_run SET progress = ? WHERE id = ?").params(progress, id).update();
	}

	void finished(long id, RestoreRun.RestoreStatus status, Instant at, String error, String report) {
		this.jdbc.sql("UPDATE restore_run SET status = ?, finished_at = ?, error = ?, report = ? WHERE id = ?")
			.params(status.name(), at.toEpochMilli(), BackupCatalogue.clip(error), report, id)
			.update();
	}

	int abandoned(Instant at) {
		return this.jdbc.sql("UPDATE restore_run SET status = ?, finished_at = ?, error = ? WHERE status = ?")
			.params(RestoreRun.RestoreStatus.FAILED.name(), at.toEpochMilli(),
					"Parley stopped during the restore; the database was left as it was before it",
					RestoreRun.RestoreStatus.RUNNING.name())
			.update();
	}

	Optional<RestoreRun> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM restore_run WHERE id = ?")
			.param(id)
			.query((rs, row) -> map(rs))
			.optional();
	}

	List<RestoreRun> recent(int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM restore_run ORDER BY id DESC LIMIT ?")
			.param(limit)
			.query((rs, row) -> map(rs))
			.list();
	}

	private static RestoreRun map(java.sql.ResultSet rs) throws java.sql.SQLException {
		long backupId = rs.getLong("backup_id");
		Long backup = rs.wasNull() ? null : backupId;
		return new RestoreRun(rs.getLong("id"), backup, rs.getString("file_name"),
				RestoreRun.RestoreStatus.valueOf(rs.getString("status")), rs.getString("started_by"),
				rs.getString("node"), BackupCatalogue.instant(rs, "started_at"),
				BackupCatalogue.instant(rs, "finished_at"), rs.getString("progress"), rs.getString("error"),
				rs.getString("report"));
	}

}
