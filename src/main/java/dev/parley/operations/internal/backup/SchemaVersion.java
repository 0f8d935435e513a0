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
		// Flyway names its table and columns in lower case, quoted where the engine folds
		// unquoted names to upper case (H2), so they are quoted here too
		String quote = connection.getMetaData().getIdentifierQuoteString().strip();
		String version = quote + "version" + quote;
		MigrationVersion newest = null;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT " + version + " FROM " + quote + table + quote
						+ " WHERE " + quote + "success" + quote + " = TRUE AND " + version + " IS NOT NULL")) {
			while (rows.next()) {
				MigrationVersion candidate = MigrationVersion.fromVersion(rows.getString(1));
				if (newest == null || candidate.compareTo(newest) > 0) {
					newest = candidate;
				}
			}
		}
		return (newest != null) ? newest.getVersion() : null;
	}

	/** The Flyway table's name as the database holds it, or null when there is none. */
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
