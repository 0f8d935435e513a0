package dev.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Where a filled benchmark's data lives, and whether a kept one is used again: on H2 the
 * directory {@code -Dparley.bench.h2-dir=DIR} (filled when it holds no database yet, else
 * reused), on PostgreSQL {@code -Dparley.bench.reuse=NAME} (with {@code ParleyTarget}'s
 * {@code -Dparley.bench.keep=true}). H2 runs with the default URL plus AUTO_SERVER (the
 * harness fills it while Parley runs) and without H2's reuse of a result when no table
 * changed: on a working system data changes between two requests, here nothing does, and
 * a repeated request would time a cached answer ({@code -Dparley.bench.h2-extra} adds
 * settings, e.g. CACHE_SIZE).
 */
record BenchStore(String database, Path data, boolean reuse, String h2Url) {

	static BenchStore of(String database, String tempPrefix) throws Exception {
		String h2Dir = System.getProperty("parley.bench.h2-dir");
		boolean h2 = database.equals("h2");
		// Parley's data directory holds the key its secrets are sealed with: a reused
		// PostgreSQL database needs the directory of the run that filled it
		String dataDir = System.getProperty("parley.bench.data-dir");
		Path data = (h2Dir != null && h2) ? Files.createDirectories(Path.of(h2Dir))
				: (dataDir != null) ? Files.createDirectories(Path.of(dataDir)) : Files.createTempDirectory(tempPrefix);
		boolean reuse = h2 ? Files.exists(data.resolve("parley.mv.db"))
				: System.getProperty("parley.bench.reuse") != null;
		String h2Url = "jdbc:h2:file:" + data + "/parley;QUERY_CACHE_SIZE=256;WRITE_DELAY=0;AUTO_SERVER=TRUE"
				+ ";OPTIMIZE_REUSE_RESULTS=FALSE" + System.getProperty("parley.bench.h2-extra", "");
		return new BenchStore(database, data, reuse, h2Url);
	}

	/** Parley's arguments for this store: its H2 URL, nothing for PostgreSQL. */
	List<String> parleyArguments() {
		return this.database.equals("h2") ? List.of("--spring.datasource.url=" + this.h2Url) : List.of();
	}

	/** The harness's own connection to the database the target runs on. */
	Connection connect(ParleyTarget target) throws SQLException {
		return this.database.equals("h2") ? DriverManager.getConnection(this.h2Url, "parley", "")
				: DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + target.database(), "postgres", "");
	}

}
