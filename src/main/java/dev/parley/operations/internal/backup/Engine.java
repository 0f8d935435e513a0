package dev.parley.operations.internal.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What backups do differently on each database engine: how a consistent snapshot is read
 * while others write, how rows are streamed, and how generated keys continue after rows
 * were inserted with their own keys.
 */
enum Engine {

	H2, POSTGRESQL, MARIADB;

	private static final int H2_SNAPSHOT = 6;

	static Engine of(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		if (product.contains("h2")) {
			return H2;
		}
		if (product.contains("postgres")) {
			return POSTGRESQL;
		}
		if (product.contains("mysql") || product.contains("mariadb")) {
			return MARIADB;
		}
		throw new IllegalStateException("Backups support H2, PostgreSQL and MySQL/MariaDB, not " + product);
	}

	String label() {
		switch (this) {
			case H2:
				return "H2";
			case POSTGRESQL:
				return "PostgreSQL";
			default:
				return "MariaDB/MySQL";
		}
	}

	/**
	 * Starts a read-only transaction in which every read sees the database as it was at
	 * one moment, whatever other sessions commit meanwhile.
	 */
	void beginSnapshot(Connection connection) throws SQLException {
		connection.setAutoCommit(false);
		switch (this) {
			case H2:
				// MVStore's SNAPSHOT level (H2's constant 6) reads the whole database as
				// of
				// the transaction's start; set through JDBC so the pool resets it
				// afterwards
				connection.setTransactionIsolation(H2_SNAPSHOT);
				break;
			case POSTGRESQL:
				connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
				connection.setReadOnly(true);
				break;
			default:
				connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
				try (Statement statement = connection.createStatement()) {
					statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
				}
		}
	}

	/**
	 * Sets the statement up to stream a large result instead of loading it whole: a few
	 * rows at a time for a table with binary columns (a file may be 50 MB, and
	 * PostgreSQL's driver holds bytea as hex text), more for the others.
	 */
	void stream(Statement statement, TableLayout table) throws SQLException {
		statement.setFetchSize(table.hasBytes() ? 4 : (this == MARIADB) ? 1000 : 500);
	}

	/**
	 * Lets the generated key of a table continue after the largest key it holds. On
	 * PostgreSQL this runs in the restore's transaction; on H2 it is DDL, which commits,
	 * so it runs after the restore's commit (and again at every start,
	 * {@link KeysAtStart}, should a crash come between the two); MariaDB's counter
	 * follows inserted keys by itself.
	 */
	void continueKeys(Connection connection, TableLayout table) throws SQLException {
		if (table.identityColumn() == null || this == MARIADB) {
			return;
		}
		long next;
		try (Statement statement = connection.createStatement();
				ResultSet max = statement
					.executeQuery("SELECT MAX(" + table.identityColumn() + ") FROM " + table.name())) {
			max.next();
			next = max.getLong(1) + 1;
		}
		try (Statement statement = connection.createStatement()) {
			if (this == POSTGRESQL) {
				// only ever raised: keys given out after the backup are not given out
				// again
				String sequence = postgresSequence(connection, table);
				if (postgresNextKey(connection, sequence) < next) {
					statement.execute("SELECT setval('" + sequence + "', " + next + ", false)");
				}
			}
			else if (h2NextKey(connection, table) < next) {
				statement.execute("ALTER TABLE " + table.name() + " ALTER COLUMN " + table.identityColumn()
						+ " RESTART WITH " + next);
			}
		}
	}

	private static String postgresSequence(Connection connection, TableLayout table) throws SQLException {
		try (java.sql.PreparedStatement query = connection.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
			query.setString(1, table.name());
			query.setString(2, table.identityColumn());
			try (ResultSet name = query.executeQuery()) {
				name.next();
				return name.getString(1);
			}
		}
	}

	/** The key PostgreSQL gives the next row. */
	private static long postgresNextKey(Connection connection, String sequence) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet value = statement.executeQuery("SELECT last_value, is_called FROM " + sequence)) {
			value.next();
			return value.getBoolean(2) ? value.getLong(1) + 1 : value.getLong(1);
		}
	}

	/** The key H2 gives the next row ({@code IDENTITY_BASE}). */
	private static long h2NextKey(Connection connection, TableLayout table) throws SQLException {
		try (java.sql.PreparedStatement query = connection.prepareStatement("SELECT IDENTITY_BASE FROM "
				+ "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
			query.setString(1, table.name().toUpperCase(Locale.ROOT));
			query.setString(2, table.identityColumn().toUpperCase(Locale.ROOT));
			try (ResultSet base = query.executeQuery()) {
				return base.next() ? base.getLong(1) : Long.MIN_VALUE;
			}
		}
	}

	boolean keysNeedDdl() {
		return this == H2;
	}

}
