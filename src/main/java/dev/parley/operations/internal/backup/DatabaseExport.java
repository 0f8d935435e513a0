package dev.parley.operations.internal.backup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Copies every table of a database into an archive, all of it read in one snapshot
 * transaction, so the archive is the database at one moment although chats go on.
 */
final class DatabaseExport {

	private DatabaseExport() {
	}

	/** Opens the archive once the schema version and the tables are known. */
	interface ArchiveOpener {

		ArchiveWriter open(String schemaVersion, List<TableLayout> tables) throws IOException;

	}

	/**
	 * Reads the tables this connection sees, in one snapshot, into a new archive.
	 * @return the archive written
	 */
	static ArchiveWriter.Written copy(Connection connection, Engine engine, ArchiveOpener opener)
			throws SQLException, IOException {
		boolean autoCommit = connection.getAutoCommit();
		boolean readOnly = connection.isReadOnly();
		int isolation = connection.getTransactionIsolation();
		engine.beginSnapshot(connection);
		try {
			String version = SchemaVersion.of(connection);
			List<TableLayout> tables = SchemaInspector.tables(connection);
			try (ArchiveWriter writer = opener.open(version, tables)) {
				for (TableLayout table : tables) {
					copyTable(connection, engine, table, writer);
				}
				return writer.finish();
			}
		}
		finally {
			connection.rollback();
			connection.setReadOnly(readOnly);
			connection.setTransactionIsolation(isolation);
			connection.setAutoCommit(autoCommit);
		}
	}

	private static void copyTable(Connection connection, Engine engine, TableLayout table, ArchiveWriter writer)
			throws SQLException, IOException {
		ArchiveWriter.TableSink sink = writer.table(table);
		int width = table.columns().size();
		try (Statement statement = connection.createStatement()) {
			engine.stream(statement, table);
			try (ResultSet rows = statement.executeQuery(table.selectAll())) {
				Object[] row = new Object[width];
				while (rows.next()) {
					table.read(rows, row);
					sink.row(row);
				}
			}
		}
		sink.close();
	}

}
