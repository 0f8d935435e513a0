package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.parley.platform.PersonalData;

/**
 * Migration 27.1: seals the server secrets and the channels' identity secrets stored in
 * plain text before into the columns V27 added. The plain columns keep their values: the
 * previous release reads them while both releases run (the key rotation overwrites them
 * once every node runs this release, docs/security.md). In batches, each committed on its
 * own; idempotent (a row with a sealed value is not selected again). The keys come from
 * {@link dev.parley.platform.MigrationKeys}.
 */
public class SealStoredSecrets extends SealingMigration {

	/** Table, key, plain column, sealed column. */
	private static final List<String[]> COLUMNS = List.of(
			new String[] { "server_secret", "name", "secret", "secret_sealed" },
			new String[] { "chat_channel", "id", "identity_secret", "identity_secret_sealed" });

	/** For Flyway: the keys come from MigrationKeys when there is something to seal. */
	public SealStoredSecrets() {
		this(null);
	}

	/** With the keys (tests). */
	public SealStoredSecrets(PersonalData personal) {
		super("27.1", "seal stored secrets", personal);
	}

	@Override
	void sealAll(Connection connection) throws SQLException {
		for (String[] column : COLUMNS) {
			untilDone(() -> sealBatch(connection, column[0], column[1], column[2], column[3]));
		}
	}

	private int sealBatch(Connection connection, String table, String key, String plain, String sealed)
			throws SQLException {
		List<String[]> rows = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement("SELECT " + key + ", " + plain + " FROM " + table
				+ " WHERE " + sealed + " IS NULL ORDER BY " + key + " LIMIT " + BATCH);
				ResultSet rs = select.executeQuery()) {
			while (rs.next()) {
				rows.add(new String[] { rs.getString(1), rs.getString(2) });
			}
		}
		try (PreparedStatement update = connection.prepareStatement(
				"UPDATE " + table + " SET " + sealed + " = ? WHERE " + key + " = ? AND " + sealed + " IS NULL")) {
			for (String[] row : rows) {
				update.setString(1, personal().seal(row[1]));
				if ("id".equals(key)) {
					update.setLong(2, Long.parseLong(row[0]));
				}
				else {
					update.setString(2, row[0]);
				}
				update.addBatch();
			}
			update.executeBatch();
		}
		connection.commit();
		return rows.size();
	}

}
