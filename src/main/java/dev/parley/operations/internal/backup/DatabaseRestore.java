package dev.parley.operations.internal.backup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Replaces the rows of every table of a database with an archive's, in one transaction:
 * the old rows are deleted, the archive's inserted with their own keys, the archive's
 * checksums checked, the result read back ({@link IntegrityCheck}), and only then
 * committed. Anything wrong on the way (a damaged or cut-off file, a constraint, a check)
 * rolls it all back, so the database holds either its old data or the archive's.
 */
final class DatabaseRestore {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DatabaseRestore.class);

	private static final int BATCH_ROWS = 500;

	private static final long BATCH_BYTES = 4L << 20;

	private DatabaseRestore() {
	}

	/** Told of each table as it is restored. */
	interface Progress {

		void table(String name, int index, int total);

	}

	record Result(ArchiveContents.Manifest manifest, IntegrityReport report) {
	}

	static Result replace(Connection target, ArchiveReader archive, Progress progress)
			throws SQLException, IOException {
		return replace(target, archive, progress, false);
	}

	/**
	 * @param endSessions whether to end every staff session signed in before the restore
	 * (a session names its account by id and session version; accounts restored from
	 * elsewhere are not the ones those sessions were opened for)
	 */
	static Result replace(Connection target, ArchiveReader archive, Progress progress, boolean endSessions)
			throws SQLException, IOException {
		Engine engine = Engine.of(target);
		ArchiveContents.Info info = archive.info();
		String version = SchemaVersion.of(target);
		if (version == null || !version.equals(info.schemaVersion())) {
			throw new BackupRefused(BackupRefused.Reason.FOREIGN_VERSION,
					"The backup holds schema version " + info.schemaVersion() + " and the database is at " + version
							+ "; restore it with the Parley version that wrote it (or into an empty database from "
							+ "the command line), then upgrade");
		}
		List<TableLayout> tables = SchemaInspector.tables(target);
		Map<String, TableLayout> byName = tables.stream()
			.collect(Collectors.toMap(TableLayout::name, Function.identity()));
		if (!new HashSet<>(info.tables()).equals(byName.keySet())) {
			Set<String> differ = new HashSet<>(info.tables());
			differ.addAll(byName.keySet());
			differ.removeIf((name) -> info.tables().contains(name) && byName.containsKey(name));
			throw new BackupRefused(BackupRefused.Reason.FOREIGN_VERSION,
					"The backup's tables differ from the database's: " + new java.util.TreeSet<>(differ));
		}
		boolean autoCommit = target.getAutoCommit();
		target.setAutoCommit(false);
		ArchiveContents.Manifest manifest;
		IntegrityReport report;
		try {
			List<TableLayout> reversed = new ArrayList<>(tables);
			java.util.Collections.reverse(reversed);
			try (Statement statement = target.createStatement()) {
				for (TableLayout table : reversed) {
					statement.executeUpdate("DELETE FROM " + table.name());
				}
			}
			int index = 0;
			ArchiveReader.TableSource source;
			while ((source = archive.nextTable()) != null) {
				TableLayout table = byName.get(source.table());
				if (table == null || !new HashSet<>(source.columns()).equals(new HashSet<>(table.columns()))) {
					throw new BackupRefused(BackupRefused.Reason.FOREIGN_VERSION,
							"Table " + source.table() + " in the backup does not fit the database's");
				}
				progress.table(table.name(), ++index, tables.size());
				insert(target, table.name(), source);
			}
			manifest = archive.finish();
			report = IntegrityCheck.run(target, engine, tables, manifest);
			if (!report.passed()) {
				throw BackupRefused.damaged("after loading it, " + report.firstProblem());
			}
			if (endSessions) {
				endSessions(target, byName);
			}
			if (!engine.keysNeedDdl()) {
				for (TableLayout table : tables) {
					engine.continueKeys(target, table);
				}
			}
			target.commit();
		}
		catch (SQLException | IOException | RuntimeException ex) {
			target.rollback();
			target.setAutoCommit(autoCommit);
			throw ex;
		}
		if (engine.keysNeedDdl()) {
			try {
				for (TableLayout table : tables) {
					engine.continueKeys(target, table);
				}
			}
			catch (SQLException ex) {
				// committed already: the next start sets the keys (KeysAtStart)
				log.warn("Restored, but the generated keys could not be moved on yet: {}", ex.getMessage());
			}
		}
		target.setAutoCommit(autoCommit);
		return new Result(manifest, report);
	}

	/**
	 * Ends every staff session signed in before the restore: a session names its account
	 * by id and session version, and the restored accounts are not the ones those
	 * sessions were opened for.
	 */
	private static void endSessions(Connection target, Map<String, TableLayout> tables) throws SQLException {
		if (tables.containsKey("staff_user")) {
			try (Statement statement = target.createStatement()) {
				statement.executeUpdate("UPDATE staff_user SET session_version = session_version + 1");
			}
		}
	}

	private static void insert(Connection target, String table, ArchiveReader.TableSource source)
			throws SQLException, IOException {
		List<TableLayout.Column> columns = source.columns();
		TableLayout layout = new TableLayout(table, columns, null, List.of());
		try (PreparedStatement insert = target.prepareStatement(layout.insert())) {
			int rows = 0;
			long bytes = 0;
			Object[] row;
			while ((row = source.next()) != null) {
				for (int i = 0; i < row.length; i++) {
					columns.get(i).kind().bind(insert, i + 1, row[i]);
					bytes += size(row[i]);
				}
				insert.addBatch();
				if (++rows >= BATCH_ROWS || bytes >= BATCH_BYTES) {
					insert.executeBatch();
					rows = 0;
					bytes = 0;
				}
			}
			if (rows > 0) {
				insert.executeBatch();
			}
		}
		source.close();
	}

	private static long size(Object value) {
		if (value instanceof byte[]) {
			return ((byte[]) value).length;
		}
		if (value instanceof String) {
			return ((String) value).length() * 3L;
		}
		return 8;
	}

}
