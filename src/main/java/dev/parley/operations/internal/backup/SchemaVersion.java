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
		MigrationVersion newest = null;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL")) {
			while (rows.next()) {
				MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
				if (newest == null || version.compareTo(newest) > 0) {
					newest = version;
				}
			}
		}
		catch (SQLException ex) {
			if (hasTable(connection)) {
				throw ex;
			}
			return null;
		}
		return (newest != null) ? newest.getVersion() : null;
	}

	private static boolean hasTable(Connection connection) throws SQLException {
		try (ResultSet tables = connection.getMetaData()
			.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
			while (tables.next()) {
				if (tables.getString("TABLE_NAME").equalsIgnoreCase("flyway_schema_history")) {
					return true;
				}
			}
		}
		return false;
	}

}
