package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 20.7: {@code ticket_term.term} compares in binary order on PostgreSQL, as
 * {@link BinaryTermOrder} makes the other term columns do, so a word prefix is a range of
 * its index whatever the database's collation.
 */
public class TicketTermOrder implements JavaMigration {

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("20.7");
	}

	@Override
	public String getDescription() {
		return "binary ticket term order";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		if (product.contains("postgresql") && !"C".equals(BinaryTermOrder.collation(connection, "ticket_term"))) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("ALTER TABLE ticket_term ALTER COLUMN term TYPE VARCHAR(40) COLLATE \"C\"");
			}
		}
	}

}
