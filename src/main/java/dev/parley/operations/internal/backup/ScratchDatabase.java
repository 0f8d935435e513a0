package dev.parley.operations.internal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.parley.platform.MigrationPlaceholders;
import org.flywaydb.core.Flyway;

/**
 * A throw-away embedded H2 database in a temporary directory, at a given schema version,
 * for a trial restore: restoring a backup into it proves the backup restores, without
 * touching the installation's data.
 */
final class ScratchDatabase implements AutoCloseable {

	private final Path directory;

	private final String url;

	private ScratchDatabase(Path directory) {
		this.directory = directory;
		this.url = "jdbc:h2:file:" + directory.resolve("scratch").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
	}

	/**
	 * @param parent where the temporary directory goes (beside the backups, where there
	 * is room for a copy)
	 * @param schemaVersion the version to migrate to
	 */
	static ScratchDatabase create(Path parent, String schemaVersion) throws IOException {
		Files.createDirectories(parent);
		ScratchDatabase scratch = new ScratchDatabase(Files.createTempDirectory(parent, ".trial-restore-"));
		try {
			Flyway.configure()
				.dataSource(scratch.url, "sa", "")
				.locations("classpath:db/migration")
				.placeholders(MigrationPlaceholders.forProduct("H2"))
				.target(schemaVersion)
				.load()
				.migrate();
			return scratch;
		}
		catch (RuntimeException ex) {
			scratch.close();
			throw ex;
		}
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, "sa", "");
	}

	@Override
	public void close() {
		try (Connection connection = connect()) {
			connection.createStatement().execute("SHUTDOWN");
		}
		catch (SQLException ex) {
			// closed already
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
