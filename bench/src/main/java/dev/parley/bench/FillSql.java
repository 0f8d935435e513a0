package dev.parley.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements the benchmarks' fills share ({@link CustomerFill}, {@link TicketFill}),
 * on H2 and PostgreSQL: plain statements, inserts in chunks of ids, and the secondary
 * indexes of the filled tables dropped before and made again after.
 */
final class FillSql {

	private final Connection connection;

	FillSql(Connection connection) {
		this.connection = connection;
	}

	boolean h2() throws SQLException {
		return this.connection.getMetaData().getDatabaseProductName().equals("H2");
	}

	void exec(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

	long single(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * Runs the statement for ids 1 to {@code total} in chunks, {@code {lo}} and
	 * {@code {hi}} replaced by each chunk's first and last id.
	 */
	void chunks(int total, int chunk, String sql) throws SQLException {
		for (int lo = 1; lo <= total; lo += chunk) {
			exec(sql.replace("{lo}", Integer.toString(lo))
				.replace("{hi}", Integer.toString(Math.min(total, lo + chunk - 1))));
		}
	}

	/**
	 * Drops the secondary indexes ({@code ix_...}) of the tables (inserts into a dozen
	 * random B-trees are what makes a fill slow, and H2's file grows by gigabytes),
	 * except those a constraint needs.
	 * @return the statements that make them again ({@link #makeIndexes})
	 */
	List<String> dropIndexes(List<String> tables) throws SQLException {
		Map<String, String> indexes = new LinkedHashMap<>();
		String in = "('" + String.join("', '", tables) + "')";
		try (Statement statement = this.connection.createStatement()) {
			if (h2()) {
				try (ResultSet rs = statement.executeQuery("SELECT i.INDEX_NAME, i.TABLE_NAME, c.COLUMN_NAME "
						+ "FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON "
						+ "c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME WHERE i.INDEX_TYPE_NAME = 'INDEX' "
						+ "AND LOWER(i.INDEX_NAME) LIKE 'ix_%' AND LOWER(i.TABLE_NAME) IN " + in
						+ " ORDER BY i.INDEX_NAME, c.ORDINAL_POSITION")) {
					while (rs.next()) {
						String made = indexes.get(rs.getString(1));
						indexes.put(rs.getString(1),
								(made == null)
										? "CREATE INDEX " + rs.getString(1) + " ON " + rs.getString(2) + " ("
												+ rs.getString(3) + ")"
										: made.substring(0, made.length() - 1) + ", " + rs.getString(3) + ")");
					}
				}
			}
			else {
				try (ResultSet rs = statement.executeQuery(
						"SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'ix\\_%' AND tablename IN "
								+ in)) {
					while (rs.next()) {
						indexes.put(rs.getString(1), rs.getString(2));
					}
				}
			}
		}
		List<String> again = new ArrayList<>();
		for (Map.Entry<String, String> index : indexes.entrySet()) {
			try {
				exec("DROP INDEX " + index.getKey());
				again.add(index.getValue());
			}
			catch (SQLException ex) {
				// an index a constraint needs: kept
			}
		}
		System.out.printf("   %d indexes dropped for the fill%n", again.size());
		return again;
	}

	/**
	 * Makes the dropped indexes again and analyzes; on PostgreSQL vacuums too, as
	 * autovacuum leaves a table at rest (the visibility map set, so an index-only scan
	 * reads no table rows).
	 */
	void makeIndexes(List<String> indexes) throws SQLException {
		long start = System.nanoTime();
		for (String index : indexes) {
			exec(index);
		}
		exec(h2() ? "ANALYZE" : "VACUUM ANALYZE");
		lap("indexes made again and analyzed", start);
	}

	static void lap(String what, long start) {
		System.out.printf("   %s filled after %.0f s%n", what, (System.nanoTime() - start) / 1e9);
	}

}
