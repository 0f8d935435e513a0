package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.parley.platform.PersonalData;

/**
 * Migration 19.4.1: seals the personal data live chat stored in plain text before
 * (visitors' e-mail addresses, phone numbers and IP addresses, conversations' IP
 * addresses and transcript addresses) into the columns V19_4 added, and empties the plain
 * ones. In batches, each committed on its own, so a large table holds no long lock and an
 * interrupted run resumes where it ended; idempotent: a value already sealed is moved as
 * it is, and a row that has a sealed value keeps it. Found by every Flyway of Parley in
 * {@code classpath:db/migration} (a start, a restore, a trial restore); the keys come
 * from {@link dev.parley.platform.MigrationKeys}.
 */
public class SealVisitorData extends SealingMigration {

	/** Plain column, sealed column, per table. */
	private static final List<String[]> COLUMNS = List.of(new String[] { "visitor", "email", "email_sealed" },
			new String[] { "visitor", "phone", "phone_sealed" }, new String[] { "visitor", "ip", "ip_sealed" },
			new String[] { "conversation", "ip", "ip_sealed" },
			new String[] { "conversation", "transcript_email", "transcript_email_sealed" });

	/** For Flyway: the keys come from MigrationKeys when there is something to seal. */
	public SealVisitorData() {
		this(null);
	}

	/** With the keys (tests). */
	public SealVisitorData(PersonalData personal) {
		super("19.4.1", "seal visitor personal data", personal);
	}

	@Override
	void sealAll(Connection connection) throws SQLException {
		for (String[] column : COLUMNS) {
			untilDone(() -> sealBatch(connection, column[0], column[1], column[2]));
		}
	}

	/**
	 * @return how many rows it read (fewer than a batch: the column is done)
	 */
	public int sealBatch(Connection connection, String table, String plain, String sealed) throws SQLException {
		List<Object[]> rows = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement("SELECT id, " + plain + " FROM " + table + " WHERE "
				+ plain + " IS NOT NULL ORDER BY id LIMIT " + BATCH); ResultSet rs = select.executeQuery()) {
			while (rs.next()) {
				rows.add(new Object[] { rs.getLong(1), rs.getString(2) });
			}
		}
		try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET " + sealed
				+ " = COALESCE(" + sealed + ", ?), " + plain + " = NULL WHERE id = ? AND " + plain + " = ?")) {
			for (Object[] row : rows) {
				String value = (String) row[1];
				update.setString(1, value.startsWith("pd1:") ? value : personal().seal(value));
				update.setLong(2, (Long) row[0]);
				update.setString(3, value);
				update.addBatch();
			}
			update.executeBatch();
		}
		connection.commit();
		return rows.size();
	}

}
