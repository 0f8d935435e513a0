package dev.parley.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.SplittableRandom;

/**
 * How much heap the PostgreSQL driver needs to read 600 attachments of 100 KB - 2 MB with
 * a given fetch size (docs/performance.md, "Backup and restore"): the backup reads every
 * table with a fetch size of 500.
 *
 * <pre>
 * psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE parley_fetch_test'
 * java -cp bench/target/parley-bench.jar dev.parley.bench.BlobFetch fill
 * java -Xmx1g -cp bench/target/parley-bench.jar dev.parley.bench.BlobFetch 500
 * java -Xmx1g -cp bench/target/parley-bench.jar dev.parley.bench.BlobFetch 5
 * </pre>
 */
public final class BlobFetch {

	private BlobFetch() {
	}

	public static void main(String[] args) throws Exception {
		String url = "jdbc:postgresql://127.0.0.1:5432/parley_fetch_test";
		try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
			if (args[0].equals("fill")) {
				fill(connection);
				return;
			}
			int fetch = Integer.parseInt(args[0]);
			connection.setAutoCommit(false);
			long total = 0;
			long peak = 0;
			try (Statement statement = connection.createStatement()) {
				statement.setFetchSize(fetch);
				try (ResultSet rows = statement.executeQuery("SELECT id, content FROM blobs")) {
					while (rows.next()) {
						total += rows.getBytes(2).length;
						Runtime runtime = Runtime.getRuntime();
						peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
					}
				}
			}
			System.out.printf("fetch size %d: read %.0f MB, peak heap used %.0f MB%n", fetch, total / 1e6, peak / 1e6);
		}
	}

	private static void fill(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS blobs");
			statement.execute("CREATE TABLE blobs (id BIGINT PRIMARY KEY, content BYTEA NOT NULL)");
		}
		SplittableRandom random = new SplittableRandom(1);
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO blobs VALUES (?, ?)")) {
			for (int i = 0; i < 600; i++) {
				byte[] bytes = new byte[100_000 + random.nextInt(1_900_001)];
				random.nextBytes(bytes);
				insert.setLong(1, i);
				insert.setBytes(2, bytes);
				insert.executeUpdate();
			}
		}
	}

}
