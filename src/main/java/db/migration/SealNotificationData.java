package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.parley.platform.PersonalData;

/**
 * Migration 19.4.2: seals what the notifications module stored in plain text before:
 * notifications' recipients (with their blind index, which also takes the place of the
 * plain recipient) and template values, inbound mails' senders; and replaces the
 * opted-out addresses by their blind index. In batches, each committed on its own;
 * idempotent (a row done is not selected again). Found by every Flyway of Parley in
 * {@code classpath:db/migration} (a start, a restore, a trial restore); the keys come
 * from {@link dev.parley.platform.MigrationKeys}.
 */
public class SealNotificationData extends SealingMigration {

	/**
	 * The blind index purposes of notifications.internal (NotificationRepository,
	 * Unsubscribes).
	 */
	private static final String RECIPIENT = "notification-recipient";

	private static final String OPT_OUT = "mail-opt-out";

	/** For Flyway: the keys come from MigrationKeys when there is something to seal. */
	public SealNotificationData() {
		this(null);
	}

	/** With the keys (tests). */
	public SealNotificationData(PersonalData personal) {
		super("19.4.2", "seal notification personal data", personal);
	}

	@Override
	void sealAll(Connection connection) throws SQLException {
		untilDone(() -> notifications(connection));
		untilDone(() -> senders(connection));
		untilDone(() -> optOuts(connection));
	}

	int notifications(Connection connection) throws SQLException {
		List<String[]> rows = select(connection,
				"SELECT id, recipient, payload FROM notification WHERE recipient_sealed IS NULL ORDER BY id LIMIT "
						+ BATCH);
		try (PreparedStatement update = connection.prepareStatement("UPDATE notification SET recipient_sealed = ?, "
				+ "recipient_index = ?, recipient = ?, payload = ? WHERE id = ? AND recipient_sealed IS NULL")) {
			for (String[] row : rows) {
				String index = personal().index(RECIPIENT, row[1].strip().toLowerCase(Locale.ROOT));
				update.setString(1, personal().seal(row[1]));
				update.setString(2, index);
				update.setString(3, index);
				update.setString(4, (row[2] == null || row[2].startsWith("pd1:")) ? row[2] : personal().seal(row[2]));
				update.setLong(5, Long.parseLong(row[0]));
				update.addBatch();
			}
			update.executeBatch();
		}
		connection.commit();
		return rows.size();
	}

	int senders(Connection connection) throws SQLException {
		List<String[]> rows = select(connection,
				"SELECT id, sender FROM inbound_mail WHERE sender IS NOT NULL ORDER BY id LIMIT " + BATCH);
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE inbound_mail SET sender_sealed = ?, sender = NULL WHERE id = ? AND sender = ?")) {
			for (String[] row : rows) {
				update.setString(1, personal().seal(row[1]));
				update.setLong(2, Long.parseLong(row[0]));
				update.setString(3, row[1]);
				update.addBatch();
			}
			update.executeBatch();
		}
		connection.commit();
		return rows.size();
	}

	/** Plain addresses have an @; blind indexes (Base64url) never do. */
	int optOuts(Connection connection) throws SQLException {
		List<String[]> rows = select(connection,
				"SELECT address, address FROM notification_opt_out WHERE address LIKE '%@%' ORDER BY address LIMIT "
						+ BATCH);
		for (String[] row : rows) {
			String index = personal().index(OPT_OUT, row[0].strip().toLowerCase(Locale.ROOT));
			boolean known;
			try (PreparedStatement find = connection
				.prepareStatement("SELECT COUNT(*) FROM notification_opt_out WHERE address = ?")) {
				find.setString(1, index);
				try (ResultSet rs = find.executeQuery()) {
					known = rs.next() && rs.getInt(1) > 0;
				}
			}
			try (PreparedStatement change = connection
				.prepareStatement(known ? "DELETE FROM notification_opt_out WHERE address = ?"
						: "UPDATE notification_opt_out SET address = ? WHERE address = ?")) {
				if (known) {
					change.setString(1, row[0]);
				}
				else {
					change.setString(1, index);
					change.setString(2, row[0]);
				}
				change.executeUpdate();
			}
		}
		connection.commit();
		return rows.size();
	}

	private static List<String[]> select(Connection connection, String sql) throws SQLException {
		List<String[]> rows = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				String[] row = new String[columns];
				for (int i = 0; i < columns; i++) {
					row[i] = rs.getString(i + 1);
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
