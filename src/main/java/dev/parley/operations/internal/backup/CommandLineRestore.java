package dev.parley.operations.internal.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.parley.platform.MigrationPlaceholders;
import org.flywaydb.core.Flyway;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The restore of the command line: Parley stopped, the configured database (same
 * configuration as a start) replaced by a backup's contents, or an empty database given
 * the backup's schema and contents (the way to move an installation to another engine).
 * All or nothing, with the integrity report printed.
 */
public final class CommandLineRestore {

	/** A node seen this recently is taken to be running. */
	private static final long ALIVE_MILLIS = 60_000;

	static final int RESTORED = 0;

	static final int USAGE = 1;

	static final int REFUSED = 2;

	private CommandLineRestore() {
	}

	public static int run(String[] args, PrintStream out) {
		List<String> options = new ArrayList<>();
		String file = null;
		boolean replace = false;
		boolean force = false;
		for (String arg : args) {
			if (arg.equals("--replace")) {
				replace = true;
			}
			else if (arg.equals("--force")) {
				force = true;
			}
			else if (arg.startsWith("--")) {
				options.add(arg);
			}
			else if (file == null) {
				file = arg;
			}
			else {
				return usage(out);
			}
		}
		if (file == null) {
			return usage(out);
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Configuration.class)
			.properties("logging.level.root=WARN", "spring.flyway.enabled=false")
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(options.toArray(String[]::new))) {
			BackupCipher cipher = BackupCipher
				.fromConfiguration(context.getEnvironment().getProperty("parley.backup.encryption-key"));
			return restore(Path.of(file), context.getBean(DataSource.class), migrator(context), cipher, replace, force,
					out);
		}
		catch (BackupRefused ex) {
			out.println("Not restored: " + ex.getMessage());
			return REFUSED;
		}
		catch (IOException | SQLException | RuntimeException ex) {
			out.println("Not restored: " + describe(ex));
			return REFUSED;
		}
	}

	/**
	 * Flyway as a start would run it: with {@code spring.flyway.user} (the schema's
	 * owner) when one is configured, else as the datasource's user.
	 */
	private static org.flywaydb.core.api.configuration.FluentConfiguration migrator(
			ConfigurableApplicationContext context) {
		org.springframework.core.env.Environment environment = context.getEnvironment();
		String user = environment.getProperty("spring.flyway.user");
		org.flywaydb.core.api.configuration.FluentConfiguration flyway = Flyway.configure()
			.locations("classpath:db/migration");
		if (user == null || user.isBlank()) {
			return flyway.dataSource(context.getBean(DataSource.class));
		}
		String url = environment.getProperty("spring.flyway.url", environment.getProperty("spring.datasource.url"));
		return flyway.dataSource(url, user, environment.getProperty("spring.flyway.password", ""));
	}

	private static int restore(Path file, DataSource dataSource,
			org.flywaydb.core.api.configuration.FluentConfiguration flyway, BackupCipher cipher, boolean replace,
			boolean force, PrintStream out) throws IOException, SQLException {
		try (ArchiveReader archive = ArchiveReader.open(file, cipher);
				Connection connection = dataSource.getConnection()) {
			ArchiveContents.Info info = archive.info();
			out.println("Backup of " + info.installation() + " (" + info.kind() + ", " + info.engine() + ", schema "
					+ info.schemaVersion() + ", Parley " + info.parleyVersion() + ")");
			String version = SchemaVersion.of(connection);
			if (version == null) {
				out.println("The database is empty: creating the schema at version " + info.schemaVersion());
				Flyway.configure()
					.dataSource(dataSource)
					.locations("classpath:db/migration")
					.placeholders(MigrationPlaceholders.forProduct(connection.getMetaData().getDatabaseProductName()))
					.target(info.schemaVersion())
					.load()
					.migrate();
			}
			else {
				if (!force) {
					String running = runningNode(connection);
					if (running != null) {
						out.println("Not restored: Parley is running (node " + running
								+ " seen in the last minute); stop every node first, or add --force");
						return REFUSED;
					}
				}
				if (!replace) {
					out.println("Not restored: the database already holds Parley's data (schema " + version
							+ "); add --replace to replace all of it with the backup's");
					return REFUSED;
				}
			}
			long started = System.nanoTime();
			// sessions kept in Redis outlive the stopped nodes: the restored accounts
			// start afresh
			DatabaseRestore.Result result = DatabaseRestore.replace(connection, archive,
					(table, index, total) -> out.println("  " + index + "/" + total + " " + table), true);
			IntegrityReport report = result.report();
			out.println("Restored " + report.rows() + " rows in " + report.tables().size() + " tables in "
					+ (System.nanoTime() - started) / 1_000_000 + " ms");
			out.println("Checked: every table's rows and checksum, " + report.keys().size() + " foreign keys, "
					+ report.conversations() + " conversations and their messages");
			record(connection, file, report);
			if (version == null) {
				out.println("Start Parley now: it upgrades the schema if it is newer than the backup's");
			}
			return RESTORED;
		}
	}

	private static void readThrough(Path file, BackupCipher cipher) throws IOException {
		try (ArchiveReader archive = ArchiveReader.open(file, cipher)) {
			ArchiveReader.TableSource table;
			while ((table = archive.nextTable()) != null) {
				table.close();
			}
			archive.finish();
		}
	}

	/** Notes the restore in the restore log and the audit log it has just restored. */
	private static void record(Connection connection, Path file, IntegrityReport report) throws SQLException {
		long now = System.currentTimeMillis();
		connection.setAutoCommit(true);
		try (PreparedStatement log = connection.prepareStatement("INSERT INTO restore_run (file_name, status, "
				+ "started_by, node, started_at, finished_at, report) VALUES (?, 'SUCCEEDED', NULL, ?, ?, ?, ?)")) {
			log.setString(1, file.getFileName().toString());
			log.setString(2, "command line");
			log.setLong(3, now);
			log.setLong(4, now);
			log.setString(5, RowCodec.json().writeValueAsString(report));
			log.executeUpdate();
		}
		try (PreparedStatement audit = connection.prepareStatement("INSERT INTO audit_event (occurred_at, actor, "
				+ "action, target, result, detail) VALUES (?, NULL, 'backup.restored', ?, 'SUCCESS', ?)")) {
			audit.setLong(1, now);
			audit.setString(2, file.getFileName().toString());
			audit.setString(3, report.rows() + " rows, from the command line");
			audit.executeUpdate();
		}
	}

	/**
	 * @return a node that reported in the last minute, or null
	 */
	private static String runningNode(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet nodes = statement.executeQuery("SELECT host FROM cluster_node WHERE last_seen > "
						+ (System.currentTimeMillis() - ALIVE_MILLIS))) {
			return nodes.next() ? nodes.getString(1) : null;
		}
		catch (SQLException ex) {
			return null;
		}
	}

	private static int usage(PrintStream out) {
		out.println("Usage: java -jar parley.jar restore FILE [--replace] [--force] [--spring.datasource.url=...]");
		out.println("  Restores a backup into the configured database while Parley is stopped.");
		out.println("  --replace  replace the data of a database that already holds an installation");
		out.println("  --force    even though a node reported in the last minute (it must be stopped)");
		return USAGE;
	}

	private static String describe(Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		if (message != null && message.contains("Database may be already in use")) {
			return "the embedded database is in use: stop Parley first";
		}
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/** Just the configured data source: no web server, no schedules, no migration. */
	@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
	static class Configuration {

	}

}
