package dev.parley.operations.internal.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;

/** The version of the schema a database is at: its newest successful Flyway migration. */
final class SchemaVersion {

	private SchemaVersion() {
	}

	/**
	 * @return the version (e.g. {@code 18.4}), or null for a database without a schema
	 */
	static String of(Connection connection) throws SQLException {
		String table = historyTable(connection);
		if (table == null) {
			return null;
		}
		String quote = connection.getMetaData().getIdentifierQuoteString().trim();
		MigrationVersion newest = null;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT " + quoted(connection, "version", quote) + ", "
						+ quoted(connection, "success", quote) + " FROM " + quote + table + quote)) {
			while (rows.next()) {
				if (rows.getString(1) == null || !rows.getBoolean(2)) {
					continue;
				}
				MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
				if (newest == null || version.compareTo(newest) > 0) {
					newest = version;
				}
			}
		}
		return (newest != null) ? newest.getVersion() : null;
	}

	/**
	 * A column of Flyway's table, spelt as the table is (lower case quoted, or as is).
	 */
	private static String quoted(Connection connection, String column, String quote) throws SQLException {
		return connection.getMetaData().storesUpperCaseIdentifiers() ? quote + column + quote : column;
	}

	/** Flyway's table as the database spells it (quoted lower case on H2). */
	private static String historyTable(Connection connection) throws SQLException {
		try (ResultSet tables = connection.getMetaData()
			.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
			while (tables.next()) {
				String name = tables.getString("TABLE_NAME");
				if (name.equalsIgnoreCase("flyway_schema_history")) {
					return name;
				}
			}
		}
		return null;
	}

}
