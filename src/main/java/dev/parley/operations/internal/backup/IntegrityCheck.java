package dev.parley.operations.internal.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a restored database back and compares it with the archive's manifest
 * ({@link IntegrityReport}). Runs inside the restore's transaction, so a failed check
 * rolls everything back.
 */
final class IntegrityCheck {

	private IntegrityCheck() {
	}

	static IntegrityReport run(Connection connection, Engine engine, List<TableLayout> tables,
			ArchiveContents.Manifest manifest) throws SQLException {
		List<IntegrityReport.TableCheck> checks = new ArrayList<>();
		for (TableLayout table : tables) {
			ArchiveContents.TableEntry expected = manifest.table(table.name());
			TableDigest digest = digest(connection, engine, table);
			checks.add(new IntegrityReport.TableCheck(table.name(), (expected != null) ? expected.rows() : 0,
					digest.rows(), expected != null && expected.digest().equals(digest.hex())));
		}
		List<IntegrityReport.KeyCheck> keys = new ArrayList<>();
		for (TableLayout table : tables) {
			keys.addAll(orphans(connection, table));
		}
		boolean chats = tables.stream().anyMatch((t) -> t.name().equals("conversation"))
				&& tables.stream().anyMatch((t) -> t.name().equals("chat_message"));
		long conversations = chats ? count(connection, "SELECT COUNT(*) FROM conversation") : 0;
		// each conversation's messages are numbered 1..last_seq without a gap
		long mismatched = chats ? count(connection,
				"SELECT COUNT(*) FROM conversation c WHERE c.last_seq <> "
						+ "(SELECT COUNT(*) FROM chat_message m WHERE m.conversation_id = c.id) OR c.last_seq <> "
						+ "(SELECT COALESCE(MAX(m.seq), 0) FROM chat_message m WHERE m.conversation_id = c.id)")
				: 0;
		return new IntegrityReport(checks, keys, conversations, mismatched);
	}

	static TableDigest digest(Connection connection, Engine engine, TableLayout table) throws SQLException {
		TableDigest digest = new TableDigest();
		RowCodec codec = new RowCodec(table.columns());
		int width = table.columns().size();
		try (Statement statement = connection.createStatement()) {
			engine.stream(statement, table);
			try (ResultSet rows = statement.executeQuery(table.selectAll())) {
				Object[] row = new Object[width];
				while (rows.next()) {
					table.read(rows, row);
					RowCodec.Buffer encoded = codec.encode(row);
					digest.add(encoded.array(), encoded.length());
				}
			}
		}
		return digest;
	}

	private static List<IntegrityReport.KeyCheck> orphans(Connection connection, TableLayout table)
			throws SQLException {
		DatabaseMetaData metadata = connection.getMetaData();
		List<String[]> foreignKeys = new ArrayList<>();
		String name = exactName(metadata, connection, table.name());
		try (ResultSet keys = metadata.getImportedKeys(connection.getCatalog(), connection.getSchema(), name)) {
			while (keys.next()) {
				foreignKeys.add(new String[] { keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
						keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT),
						keys.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT) });
			}
		}
		List<IntegrityReport.KeyCheck> checks = new ArrayList<>();
		for (String[] key : foreignKeys) {
			long orphans = count(connection,
					"SELECT COUNT(*) FROM " + table.name() + " c WHERE c." + key[0] + " IS NOT NULL AND NOT EXISTS "
							+ "(SELECT 1 FROM " + key[1] + " p WHERE p." + key[2] + " = c." + key[0] + ")");
			checks.add(new IntegrityReport.KeyCheck(table.name(), key[0], key[1], orphans));
		}
		return checks;
	}

	private static String exactName(DatabaseMetaData metadata, Connection connection, String lower)
			throws SQLException {
		return metadata.storesUpperCaseIdentifiers() ? lower.toUpperCase(Locale.ROOT) : lower;
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
