package dev.parley.operations.internal.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import dev.parley.platform.MigrationPlaceholders;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ExternalServices;
import dev.parley.testing.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented migration path: a backup of the embedded database restored into
 * PostgreSQL, that one backed up and restored into MariaDB; every row and file arrives
 * (the same digest per table as the first backup's manifest) and generated keys continue
 * after the restored ones. And a hot backup of PostgreSQL taken while a writer adds
 * messages restores consistent: no message without its conversation, no gap.
 */
class CrossEngineBackupTests extends IntegrationTest {

	private static final BackupCipher KEY = BackupCipher
		.fromConfiguration("QkFDS1VQLUtFWS1GT1ItVEVTVFMtT05MWS0xMjM0NTY=");

	@TempDir
	Path directory;

	@Test
	void anEmbeddedInstallationMovesToPostgresqlAndOnToMariadb() throws Exception {
		ApiClient admin = admin();
		BackupApiTests.backupsGoTo(admin, this.directory, true);
		ChatData.conversationWithAFile(admin, client(), unique("Moving"));
		JsonNode backup = BackupApiTests.finished(admin, BackupApiTests.start(admin, "LOGICAL"));
		assertThat(backup.path("status").asString()).as(backup.toString()).isEqualTo("SUCCEEDED");
		assertThat(backup.path("encrypted").asBoolean()).isTrue();
		Path file = Path.of(backup.path("directory").asString()).resolve(backup.path("fileName").asString());

		ExternalServices.TestDatabase postgres = ExternalServices.postgres();
		ExternalServices.TestDatabase mariadb = ExternalServices.mariadb();
		try {
			migrate(postgres, "PostgreSQL");
			ArchiveContents.Manifest original;
			try (Connection target = connect(postgres); ArchiveReader archive = ArchiveReader.open(file, KEY)) {
				DatabaseRestore.Result result = DatabaseRestore.replace(target, archive, (t, i, n) -> {
				});
				original = result.manifest();
				assertThat(result.report().passed()).isTrue();
				assertThat(result.report().rows()).isEqualTo(original.totalRows());
			}

			Path second = this.directory.resolve("from-postgres.pbk");
			try (Connection source = connect(postgres)) {
				ArchiveContents.Info info = new ArchiveContents.Info(1, "test", null, "PostgreSQL", "LOGICAL", 0,
						"Acme Support", List.of());
				ArchiveWriter.Written written = DatabaseExport.copy(source, Engine.POSTGRESQL,
						(version, tables) -> ArchiveWriter.create(second,
								new ArchiveContents.Info(1, "test", version, "PostgreSQL", info.kind(), 0,
										info.installation(), tables.stream().map(TableLayout::name).toList()),
								null, false));
				assertThat(digests(written.manifest())).isEqualTo(digests(original));
				assertKeysContinue(source);
			}

			migrate(mariadb, "MariaDB");
			try (Connection target = connect(mariadb); ArchiveReader archive = ArchiveReader.open(second, null)) {
				DatabaseRestore.Result result = DatabaseRestore.replace(target, archive, (t, i, n) -> {
				});
				assertThat(result.report().passed()).isTrue();
				assertThat(digests(result.manifest())).isEqualTo(digests(original));
				assertKeysContinue(target);
			}
		}
		finally {
			postgres.drop();
			mariadb.drop();
		}
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "H2", "PostgreSQL", "MariaDB" })
	void aHotBackupTakenWhileMessagesArriveIsConsistent(String product) throws Exception {
		ExternalServices.TestDatabase database = database(product, "source");
		try {
			migrate(database, product);
			long channel;
			long visitor;
			try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
				statement.executeUpdate(
						"INSERT INTO chat_channel (channel_key, kind, name, allowed_origins, color, "
								+ "prechat_enabled, prechat_fields, identity_secret, enabled, created_at) VALUES "
								+ "('k1', 'website', 'Shop', '', '#000000', FALSE, '', 's', TRUE, 0)",
						Statement.RETURN_GENERATED_KEYS);
				channel = id(statement);
				statement.executeUpdate(
						"INSERT INTO visitor (channel_id, created_at, last_seen_at) VALUES (" + channel + ", 0, 0)",
						Statement.RETURN_GENERATED_KEYS);
				visitor = id(statement);
			}
			AtomicBoolean writing = new AtomicBoolean(true);
			AtomicLong written = new AtomicLong();
			Thread writer = new Thread(() -> write(database, channel, visitor, writing, written));
			writer.start();
			Path file = this.directory.resolve("hot-" + product + ".pbk");
			try {
				while (written.get() < 2000) {
					Thread.onSpinWait();
				}
				try (Connection source = connect(database)) {
					Engine engine = Engine.of(source);
					DatabaseExport
						.copy(source, engine, (version,
								tables) -> ArchiveWriter.create(file, new ArchiveContents.Info(1, "test", version,
										product, "HOT", 0, "Acme", tables.stream().map(TableLayout::name).toList()),
										null, true));
				}
				long before = written.get();
				while (written.get() < before + 200) {
					Thread.onSpinWait();
				}
			}
			finally {
				writing.set(false);
				writer.join();
			}
			try (ArchiveReader archive = ArchiveReader.open(file, null);
					ScratchDatabase scratch = ScratchDatabase.create(this.directory, archive.info().schemaVersion());
					Connection connection = scratch.connect()) {
				DatabaseRestore.Result result = DatabaseRestore.replace(connection, archive, (t, i, n) -> {
				});
				assertThat(result.report().passed()).isTrue();
				assertThat(result.report().conversations()).isGreaterThan(10);
				assertThat(result.manifest().table("chat_message").rows()).isLessThan(written.get());
			}
			// and back into the engine it came from, over the rows written since
			try (ArchiveReader archive = ArchiveReader.open(file, null); Connection target = connect(database)) {
				DatabaseRestore.Result result = DatabaseRestore.replace(target, archive, (t, i, n) -> {
				});
				assertThat(result.report().passed()).isTrue();
				assertThat(count(target, "chat_message")).isEqualTo(result.manifest().table("chat_message").rows());
			}
		}
		finally {
			database.drop();
		}
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "H2", "PostgreSQL", "MariaDB" })
	void aRestoreThatFailsHalfWayLeavesTheOldDataAsItWas(String product) throws Exception {
		ExternalServices.TestDatabase database = database(product, "half");
		try {
			migrate(database, product);
			Path file = this.directory.resolve("half-" + product + ".pbk");
			try (Connection source = connect(database)) {
				source.createStatement()
					.executeUpdate("INSERT INTO audit_event (occurred_at, action, result, detail) VALUES "
							+ "(1, 'in.the.backup', 'SUCCESS', '" + "x".repeat(900) + "')");
				DatabaseExport.copy(source, Engine.of(source),
						(version,
								tables) -> ArchiveWriter.create(file, new ArchiveContents.Info(1, "test", version,
										product, "LOGICAL", 0, "Acme", tables.stream().map(TableLayout::name).toList()),
										null, false));
				source.createStatement()
					.executeUpdate("INSERT INTO audit_event (occurred_at, action, result) VALUES "
							+ "(2, 'after.the.backup', 'SUCCESS')");
			}
			// a byte of a late table (written in the order of foreign keys) changed
			byte[] bytes = java.nio.file.Files.readAllBytes(file);
			String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
			bytes[text.lastIndexOf("xxxxxxxx")] = 'y';
			java.nio.file.Files.write(file, bytes);
			try (Connection target = connect(database); ArchiveReader archive = ArchiveReader.open(file, null)) {
				long before = count(target, "audit_event");
				long roles = count(target, "staff_role");
				org.assertj.core.api.Assertions
					.assertThatThrownBy(() -> DatabaseRestore.replace(target, archive, (t, i, n) -> {
					}))
					.isInstanceOf(BackupRefused.class)
					.extracting((ex) -> ((BackupRefused) ex).reason())
					.isEqualTo(BackupRefused.Reason.DAMAGED);
				assertThat(count(target, "audit_event")).isEqualTo(before);
				assertThat(count(target, "staff_role")).isEqualTo(roles).isPositive();
				try (Statement statement = target.createStatement();
						ResultSet rows = statement
							.executeQuery("SELECT COUNT(*) FROM audit_event WHERE action = 'after.the.backup'")) {
					rows.next();
					assertThat(rows.getLong(1)).isEqualTo(1);
				}
			}
		}
		finally {
			database.drop();
		}
	}

	@Test
	void aBackupOfAnotherSchemaVersionIsRefusedAndChangesNothing() throws Exception {
		Path file = this.directory.resolve("old.pbk");
		try (ArchiveWriter writer = ArchiveWriter.create(file,
				new ArchiveContents.Info(1, "0.0.1", "17.6", "H2", "LOGICAL", 0, "Acme", List.of()), null, true)) {
			writer.finish();
		}
		try (ArchiveReader archive = ArchiveReader.open(file, null);
				ScratchDatabase scratch = ScratchDatabase.create(this.directory, "18.4");
				Connection connection = scratch.connect()) {
			long roles = count(connection, "staff_role");
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> DatabaseRestore.replace(connection, archive, (t, i, n) -> {
				}))
				.isInstanceOf(BackupRefused.class)
				.hasMessageContaining("schema version 17.6")
				.extracting((ex) -> ((BackupRefused) ex).reason())
				.isEqualTo(BackupRefused.Reason.FOREIGN_VERSION);
			assertThat(count(connection, "staff_role")).isEqualTo(roles).isPositive();
		}
	}

	/**
	 * A fresh, empty database of the engine; for H2 a file under the test's directory
	 * (deleted with it, so dropping it does nothing).
	 */
	private ExternalServices.TestDatabase database(String product, String name) {
		return switch (product) {
			case "PostgreSQL" -> ExternalServices.postgres();
			case "MariaDB" -> ExternalServices.mariadb();
			default -> new ExternalServices.TestDatabase(
					"jdbc:h2:file:" + this.directory.resolve(name + "/parley") + ";WRITE_DELAY=0", "sa",
					"jdbc:h2:mem:drop", "SELECT 1");
		};
	}

	private static long count(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** Conversations of five messages each, every message in its own transaction. */
	private static void write(ExternalServices.TestDatabase database, long channel, long visitor, AtomicBoolean writing,
			AtomicLong written) {
		try (Connection connection = connect(database)) {
			connection.setAutoCommit(false);
			long conversation = 0;
			int seq = 5;
			while (writing.get()) {
				if (seq == 5) {
					try (Statement statement = connection.createStatement()) {
						statement.executeUpdate(
								"INSERT INTO conversation (channel_id, visitor_id, status, created_at, "
										+ "last_message_at, last_seq, agent_read_seq, visitor_read_seq) VALUES ("
										+ channel + ", " + visitor + ", 'WAITING', 0, 0, 0, 0, 0)",
								Statement.RETURN_GENERATED_KEYS);
						conversation = id(statement);
					}
					seq = 0;
				}
				seq++;
				try (PreparedStatement message = connection.prepareStatement("INSERT INTO chat_message "
						+ "(conversation_id, seq, sender_kind, kind, body, created_at) VALUES (?, ?, 'VISITOR', 'TEXT', ?, 0)");
						PreparedStatement last = connection
							.prepareStatement("UPDATE conversation SET last_seq = ? WHERE id = ?")) {
					message.setLong(1, conversation);
					message.setLong(2, seq);
					message.setString(3, "message " + seq);
					message.executeUpdate();
					last.setLong(1, seq);
					last.setLong(2, conversation);
					last.executeUpdate();
				}
				connection.commit();
				written.incrementAndGet();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void assertKeysContinue(Connection connection) throws SQLException {
		long max;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT MAX(id) FROM audit_event")) {
			rows.next();
			max = rows.getLong(1);
		}
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate(
					"INSERT INTO audit_event (occurred_at, action, result) VALUES (0, 'test', 'SUCCESS')",
					Statement.RETURN_GENERATED_KEYS);
			assertThat(id(statement)).isGreaterThan(max);
		}
	}

	private static long id(Statement statement) throws SQLException {
		try (ResultSet keys = statement.getGeneratedKeys()) {
			keys.next();
			return keys.getLong(1);
		}
	}

	private static Map<String, String> digests(ArchiveContents.Manifest manifest) {
		return manifest.tables()
			.stream()
			.collect(Collectors.toMap(ArchiveContents.TableEntry::name, ArchiveContents.TableEntry::digest));
	}

	private static void migrate(ExternalServices.TestDatabase database, String product) {
		Flyway.configure()
			.dataSource(database.url(), database.username(), "")
			.locations("classpath:db/migration")
			.placeholders(MigrationPlaceholders.forProduct(product))
			.load()
			.migrate();
	}

	private static Connection connect(ExternalServices.TestDatabase database) throws SQLException {
		return DriverManager.getConnection(database.url(), database.username(), "");
	}

}
