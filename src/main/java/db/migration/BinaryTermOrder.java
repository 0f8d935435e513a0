package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 19.7: the search term columns ({@code customer_term.term},
 * {@code conversation_term.term}) compare in binary (code point) order on PostgreSQL
 * whatever the database's default collation, so a word prefix is the range {@code term >=
 * 'liz' AND term < 'li{'} of their index (V19_2). A database created with a linguistic
 * collation (ICU {@code zh} or {@code en-US}, glibc {@code en_US.UTF-8}) sorts {@code
 * '{'} before the letters, and the range of such a prefix was empty there.
 * <p>
 * Only PostgreSQL needs it: H2 compares strings by their characters, and MySQL/MariaDB
 * tables are made with {@code utf8mb4_bin} ({@code ${table_options}}). A column already
 * in the C collation is left alone; otherwise it is given {@code COLLATE "C"} explicitly
 * (also on a database whose default is C, so a copy restored into another database keeps
 * the order). Changing a column's collation rebuilds its indexes, not the table.
 */
public class BinaryTermOrder implements JavaMigration {

	static final List<String> TABLES = List.of("customer_term", "conversation_term");

	private final String version;

	private final String description;

	private final List<String> tables;

	public BinaryTermOrder() {
		this("19.7", "binary term order", TABLES);
	}

	/** The same step for term tables of a later migration ({@link TicketTermOrder}). */
	BinaryTermOrder(String version, String description, List<String> tables) {
		this.version = version;
		this.description = description;
		this.tables = tables;
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
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		inBinaryOrder(context.getConnection(), this.tables);
	}

	/**
	 * Gives the {@code term} column of each table {@code COLLATE "C"} on PostgreSQL,
	 * unless it has it already; nothing elsewhere (also for later term tables).
	 */
	static void inBinaryOrder(Connection connection, List<String> tables) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		if (!product.contains("postgresql")) {
			return;
		}
		for (String table : tables) {
			if (!"C".equals(collation(connection, table))) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("ALTER TABLE " + table + " ALTER COLUMN term TYPE VARCHAR(40) COLLATE \"C\"");
				}
			}
		}
	}

	/**
	 * @return the collation the column was given ("default" when none)
	 */
	static String collation(Connection connection, String table) throws SQLException {
		try (PreparedStatement select = connection
			.prepareStatement("SELECT c.collname FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation "
					+ "WHERE a.attrelid = to_regclass(?) AND a.attname = 'term'")) {
			select.setString(1, table);
			try (ResultSet rs = select.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

}
