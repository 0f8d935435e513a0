package dev.parley.operations.internal.backup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import dev.parley.operations.RestoreCommand;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ExternalServices;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar parley.jar restore FILE}: into an empty database of another engine
 * (which it gives the backup's schema), into one that holds an installation only when
 * told to replace it, never from a damaged file.
 */
class RestoreCommandTests extends IntegrationTest {

	private static final String KEY = "--parley.backup.encryption-key=QkFDS1VQLUtFWS1GT1ItVEVTVFMtT05MWS0xMjM0NTY=";

	@TempDir
	Path directory;

	@Test
	void restoresIntoAnEmptyDatabaseAndReplacesOnlyWhenTold() throws Exception {
		Path file = backup();
		String url = "jdbc:h2:file:" + this.directory.resolve("restored/parley");
		Output first = restore("restore", file.toString(), "--spring.datasource.url=" + url, KEY);
		assertThat(first.status()).as(first.text()).isZero();
		assertThat(first.text()).contains("The database is empty").contains("Restored").contains("conversations");
		long conversations = count(url, "conversation");
		assertThat(conversations).isPositive();
		assertThat(count(url, "restore_run")).isEqualTo(1);

		Output again = restore("restore", file.toString(), "--spring.datasource.url=" + url, KEY);
		assertThat(again.status()).isEqualTo(CommandLineRestore.REFUSED);
		assertThat(again.text()).contains("--replace");

		Output replaced = restore("restore", file.toString(), "--replace", "--spring.datasource.url=" + url, KEY);
		assertThat(replaced.status()).as(replaced.text()).isZero();
		assertThat(count(url, "conversation")).isEqualTo(conversations);
	}

	@Test
	void anEmbeddedBackupBecomesAPostgresqlInstallation() throws Exception {
		Path file = backup();
		ExternalServices.TestDatabase postgres = ExternalServices.postgres();
		try {
			Output output = restore("restore", file.toString(), "--spring.datasource.url=" + postgres.url(),
					"--spring.datasource.username=" + postgres.username(), "--spring.datasource.password=", KEY);
			assertThat(output.status()).as(output.text()).isZero();
			try (Connection connection = DriverManager.getConnection(postgres.url(), postgres.username(), "")) {
				assertThat(SchemaVersion.of(connection)).isNotNull();
			}
		}
		finally {
			postgres.drop();
		}
	}

	@Test
	void aDamagedFileOrAMissingKeyChangesNothing() throws Exception {
		Path file = backup();
		String url = "jdbc:h2:file:" + this.directory.resolve("target/parley");
		assertThat(restore("restore", file.toString(), "--spring.datasource.url=" + url, KEY).status()).isZero();
		long conversations = count(url, "conversation");

		Output noKey = restore("restore", file.toString(), "--replace", "--spring.datasource.url=" + url);
		assertThat(noKey.status()).isEqualTo(CommandLineRestore.REFUSED);
		assertThat(noKey.text()).contains("encrypted");

		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length / 2] ^= 1;
		Path damaged = this.directory.resolve("damaged.pbk");
		Files.write(damaged, bytes);
		Output refused = restore("restore", damaged.toString(), "--replace", "--spring.datasource.url=" + url, KEY);
		assertThat(refused.status()).as(refused.text()).isEqualTo(CommandLineRestore.REFUSED);
		assertThat(refused.text()).contains("damaged");
		assertThat(count(url, "conversation")).isEqualTo(conversations);

		assertThat(restore("restore").status()).isEqualTo(CommandLineRestore.USAGE);
		assertThat(restore("restore", "a", "b").status()).isEqualTo(CommandLineRestore.USAGE);
		Output missing = restore("restore", this.directory.resolve("missing.pbk").toString(),
				"--spring.datasource.url=" + url);
		assertThat(missing.status()).isEqualTo(CommandLineRestore.REFUSED);
	}

	private Path backup() {
		ApiClient admin = admin();
		BackupApiTests.backupsGoTo(admin, this.directory, true);
		ChatData.conversationWithAFile(admin, client(), unique("Command"));
		JsonNode backup = BackupApiTests.finished(admin, BackupApiTests.start(admin, "HOT"));
		assertThat(backup.path("status").asString()).as(backup.toString()).isEqualTo("SUCCEEDED");
		return Path.of(backup.path("directory").asString()).resolve(backup.path("fileName").asString());
	}

	private static Output restore(String... args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int status = RestoreCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return new Output(status, bytes.toString(StandardCharsets.UTF_8));
	}

	private static long count(String url, String table) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "parley", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	record Output(int status, String text) {
	}

}
