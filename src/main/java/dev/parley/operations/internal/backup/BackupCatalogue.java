package dev.parley.operations.internal.backup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.parley.operations.BackupKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The catalogue of backups ({@code backup_run}). */
@Repository
class BackupCatalogue {

	private static final String COLUMNS = "id, kind, status, scheduled, started_by, node, engine, schema_version, "
			+ "started_at, finished_at, directory, file_name, size_bytes, sha256, encrypted, compressed, table_count, "
			+ "row_count, error, verification, verified_at, verification_detail, deleted_at, deleted_by";

	private final JdbcClient jdbc;

	BackupCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long started(BackupKind kind, boolean scheduled, String startedBy, String node, String engine, Instant at,
			String directory, String fileName, boolean encrypted, boolean compressed) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO backup_run (kind, status, scheduled, started_by, node, engine, started_at, "
				+ "directory, file_name, encrypted, compressed, verification) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(kind.name(), BackupStatus.RUNNING.name(), scheduled, startedBy, node, engine, at.toEpochMilli(),
					directory, fileName, encrypted, compressed, Verification.NOT_VERIFIED.name())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void renamed(long id, String fileName) {
		this.jdbc.sql("UPDATE backup_run SET file_name = ? WHERE id = ?").params(fileName, id).update();
	}

	void succeeded(long id, Instant at, String schemaVersion, long size, String sha256, int tables, long rows) {
		this.jdbc
			.sql("UPDATE backup_run SET status = ?, finished_at = ?, schema_version = ?, size_bytes = ?, "
					+ "sha256 = ?, table_count = ?, row_count = ? WHERE id = ?")
			.params(BackupStatus.SUCCEEDED.name(), at.toEpochMilli(), schemaVersion, size, sha256, tables, rows, id)
			.update();
	}

	void failed(long id, Instant at, String error) {
		this.jdbc.sql("UPDATE backup_run SET status = ?, finished_at = ?, error = ? WHERE id = ?")
			.params(BackupStatus.FAILED.name(), at.toEpochMilli(), clip(error), id)
			.update();
	}

	void verification(long id, Verification state, Instant at, String detail) {
		this.jdbc.sql("UPDATE backup_run SET verification = ?, verified_at = ?, verification_detail = ? WHERE id = ?")
			.params(state.name(), (at != null) ? at.toEpochMilli() : null, clip(detail), id)
			.update();
	}

	void deleted(long id, Instant at, String by) {
		this.jdbc.sql("UPDATE backup_run SET status = ?, deleted_at = ?, deleted_by = ? WHERE id = ?")
			.params(BackupStatus.DELETED.name(), at.toEpochMilli(), by, id)
			.update();
	}

	/**
	 * Marks runs left as running as failed: called by the holder of the backup lease,
	 * when no backup can be running.
	 */
	int abandoned(Instant at) {
		return this.jdbc.sql("UPDATE backup_run SET status = ?, finished_at = ?, error = ? WHERE status = ?")
			.params(BackupStatus.FAILED.name(), at.toEpochMilli(), "Parley stopped while the backup ran",
					BackupStatus.RUNNING.name())
			.update();
	}

	Optional<BackupRun> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM backup_run WHERE id = ?")
			.param(id)
			.query(BackupCatalogue::map)
			.optional();
	}

	/** Newest first, before the cursor (an id), at most {@code limit}. */
	List<BackupRun> page(Long before, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM backup_run WHERE id < ? ORDER BY id DESC LIMIT ?")
			.params((before != null) ? before : Long.MAX_VALUE, limit)
			.query(BackupCatalogue::map)
			.list();
	}

	/** Every backup whose file should exist, newest first. */
	List<BackupRun> kept() {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM backup_run WHERE status = ? ORDER BY started_at DESC, id DESC")
			.param(BackupStatus.SUCCEEDED.name())
			.query(BackupCatalogue::map)
			.list();
	}

	Optional<BackupRun> latest() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM backup_run WHERE status <> ? ORDER BY id DESC LIMIT 1")
			.param(BackupStatus.RUNNING.name())
			.query(BackupCatalogue::map)
			.optional();
	}

	private static BackupRun map(ResultSet rs, int row) throws SQLException {
		return new BackupRun(rs.getLong("id"), BackupKind.valueOf(rs.getString("kind")),
				BackupStatus.valueOf(rs.getString("status")), rs.getBoolean("scheduled"), rs.getString("started_by"),
				rs.getString("node"), rs.getString("engine"), rs.getString("schema_version"), instant(rs, "started_at"),
				instant(rs, "finished_at"), rs.getString("directory"), rs.getString("file_name"),
				longOrNull(rs, "size_bytes"), rs.getString("sha256"), rs.getBoolean("encrypted"),
				rs.getBoolean("compressed"), intOrNull(rs, "table_count"), longOrNull(rs, "row_count"),
				rs.getString("error"), Verification.valueOf(rs.getString("verification")), instant(rs, "verified_at"),
				rs.getString("verification_detail"), instant(rs, "deleted_at"), rs.getString("deleted_by"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		long millis = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

	private static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	static String clip(String text) {
		return (text == null || text.length() <= 1000) ? text : text.substring(0, 997) + "...";
	}

}
