package db.migration;

import java.sql.SQLException;
import java.util.List;

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
		BinaryTermOrder.inBinaryOrder(context.getConnection(), List.of("ticket_term"));
	}

}
