package db.migration;

import java.sql.Connection;
import java.sql.SQLException;

import dev.parley.platform.MigrationKeys;
import dev.parley.platform.PersonalData;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Java migration that seals personal data stored in plain text before, in batches of
 * {@link #BATCH} rows, each committed on its own (so a large table holds no long lock and
 * an interrupted run resumes where it ended). The keys come from {@link MigrationKeys}
 * when there is something to seal, or are given (tests).
 */
public abstract class SealingMigration implements JavaMigration {

	public static final int BATCH = 500;

	private final String version;

	private final String description;

	private PersonalData personal;

	SealingMigration(String version, String description, PersonalData personal) {
		this.version = version;
		this.description = description;
		this.personal = personal;
	}

	PersonalData personal() {
		if (this.personal == null) {
			this.personal = MigrationKeys.personalData();
		}
		return this.personal;
	}

	/** Seals everything, batch after batch, committing each. */
	abstract void sealAll(Connection connection) throws SQLException;

	/** One batch of a step: how many rows it read (fewer than a batch: done). */
	interface Batch {

		int run() throws SQLException;

	}

	static void untilDone(Batch batch) throws SQLException {
		while (batch.run() == BATCH) {
			// next batch
		}
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion(this.version);
	}

	@Override
	public String getDescription() {
		return this.description;
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return false;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			sealAll(connection);
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

}
