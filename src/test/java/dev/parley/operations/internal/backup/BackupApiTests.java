package dev.parley.operations.internal.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups through the API on the embedded database: taken, verified, restored, refused.
 */
class BackupApiTests extends IntegrationTest {

	@TempDir
	static Path directory;

	@Autowired
	dev.parley.platform.PersonalData personal;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void backupsGoToATemporaryDirectory() {
		backupsGoTo(admin(), directory, false);
	}

	/**
	 * Sets the strategy: no schedules, compressed, default retention, into
	 * {@code directory}.
	 */
	static void backupsGoTo(ApiClient admin, Path directory, boolean encrypt) {
		ApiClient.Response saved = admin.put("/api/v1/operations/backup-strategy",
				Map.of("directory", directory.toString(), "schedules", Map.of(), "compress", true, "encrypt", encrypt,
						"keepDaily", 7, "keepWeekly", 4, "keepMonthly", 6));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
	}

	@Test
	void aBackupIsTakenVerifiedAndRestoredWithEveryRowAndFile() {
		ApiClient admin = admin();
		long conversation = ChatData.conversationWithAFile(admin, client(), unique("Before"));
		JsonNode backup = finished(admin, start(admin, "LOGICAL"));
		assertThat(backup.path("status").asString()).as(backup.toString()).isEqualTo("SUCCEEDED");
		assertThat(backup.path("engine").asString()).isEqualTo("H2");
		assertThat(backup.path("sizeBytes").asLong()).isEqualTo(fileSize(backup));
		assertThat(backup.path("rowCount").asLong()).isGreaterThan(20);
		assertThat(backup.path("startedBy").asString()).isEqualTo(ADMIN);

		ApiClient.Response verify = admin.post("/api/v1/operations/backups/" + backup.path("id").asLong() + "/verify",
				Map.of());
		assertThat(verify.status()).as(verify.toString()).isEqualTo(202);
		JsonNode verified = Eventually.within(Duration.ofSeconds(60), () -> {
			JsonNode now = admin.get("/api/v1/operations/backups/" + backup.path("id").asLong()).json();
			assertThat(now.path("verification").asString()).isIn("PASSED", "FAILED");
			return now;
		});
		assertThat(verified.path("verification").asString()).as(verified.toString()).isEqualTo("PASSED");

		String after = unique("After");
		ApiClient.Response afterChannel = admin.post("/api/v1/channels", Map.of("kind", "website", "name", after,
				"allowedOrigins", java.util.List.of("https://a.example.com"), "prechatEnabled", false));
		assertThat(afterChannel.status()).isEqualTo(201);
		long afterId = afterChannel.json().path("id").asLong();
		long messagesBefore = count("chat_message");

		JsonNode restore = restore(admin, backup.path("id").asLong(), "Acme Support");
		assertThat(restore.path("status").asString()).as(restore.toString()).isEqualTo("SUCCEEDED");
		assertThat(restore.path("report").asString()).contains("\"conversationsNotMatchingTheirMessages\":0");
		assertThat(admin.get("/api/v1/channels").body()).doesNotContain(after);
		assertThat(count("chat_message")).isEqualTo(messagesBefore);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM attachment_content c JOIN attachment a ON a.id = c.attachment_id "
					+ "WHERE a.conversation_id = ?")
			.param(conversation)
			.query(Long.class)
			.single()).isEqualTo(1);
		// keys go on after every key given out, also those the restore took back: a token
		// or link to the channel made after the backup never leads to another one
		ApiClient.Response later = admin.post("/api/v1/channels", Map.of("kind", "website", "name", unique("Later"),
				"allowedOrigins", java.util.List.of("https://a.example.com"), "prechatEnabled", false));
		assertThat(later.status()).as(later.toString()).isEqualTo(201);
		assertThat(later.json().path("id").asLong()).isGreaterThan(afterId);
		assertThat(ChatData.conversationWithAFile(admin, client(), unique("Later"))).isGreaterThan(conversation);
		assertThat(admin.get("/api/v1/operations/restores").body()).contains("\"SUCCEEDED\"");
	}

	@Test
	void aDamagedBackupFailsVerificationAndItsRestoreChangesNothing() throws IOException {
		ApiClient admin = admin();
		ChatData.conversationWithAFile(admin, client(), unique("Damaged"));
		JsonNode backup = finished(admin, start(admin, "HOT"));
		long id = backup.path("id").asLong();
		Path file = Path.of(backup.path("directory").asString()).resolve(backup.path("fileName").asString());
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length * 3 / 4] ^= 0x40;
		Files.write(file, bytes);

		admin.post("/api/v1/operations/backups/" + id + "/verify", Map.of());
		JsonNode verified = Eventually.within(Duration.ofSeconds(60), () -> {
			JsonNode now = admin.get("/api/v1/operations/backups/" + id).json();
			assertThat(now.path("verification").asString()).isIn("PASSED", "FAILED");
			return now;
		});
		assertThat(verified.path("verification").asString()).isEqualTo("FAILED");
		assertThat(verified.path("verificationDetail").asString()).contains("checksum");

		String sentinel = unique("Sentinel");
		assertThat(
				admin.post("/api/v1/channels",
						Map.of("kind", "website", "name", sentinel, "allowedOrigins",
								java.util.List.of("https://a.example.com"), "prechatEnabled", false))
					.status())
			.isEqualTo(201);
		// the file is no longer the one written: refused before anything starts
		ApiClient.Response refused = admin.post("/api/v1/operations/backups/" + id + "/restore",
				Map.of("confirmation", "Acme Support"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.json().path("code").asString()).isEqualTo("backup_damaged");
		assertThat(admin.get("/api/v1/channels").body()).contains(sentinel);
		eventsHandled();
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM notification WHERE template = 'backup-problem' AND idempotency_key LIKE ?")
			.param("backup-verification-failed:" + id + ":%")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void aColdBackupPausesWritesWhileItCopiesAndParleyResumes() {
		ApiClient admin = admin();
		long generation = generation();
		JsonNode backup = finished(admin, start(admin, "COLD"));
		assertThat(backup.path("status").asString()).as(backup.toString()).isEqualTo("SUCCEEDED");
		assertThat(generation()).isEqualTo(generation + 1);
		assertThat(client().get("/api/v1/maintenance").json().path("active").asBoolean()).isFalse();
		assertThat(
				admin.post("/api/v1/channels",
						Map.of("kind", "website", "name", unique("Resumed"), "allowedOrigins",
								java.util.List.of("https://a.example.com"), "prechatEnabled", false))
					.status())
			.isEqualTo(201);
	}

	private long generation() {
		return this.jdbc.sql("SELECT generation FROM maintenance_state WHERE id = 1").query(Long.class).single();
	}

	@Test
	void aFailedBackupIsToldToTheHoldersOfBackupRun() throws IOException {
		ApiClient admin = admin();
		Path blocked = directory.resolve(unique("blocked"));
		Files.createDirectories(blocked);
		backupsGoTo(admin, blocked, false);
		// the directory is gone and a file stands in its place
		Files.delete(blocked);
		Files.writeString(blocked, "not a directory");
		JsonNode backup = finished(admin, start(admin, "HOT"));
		assertThat(backup.path("status").asString()).isEqualTo("FAILED");
		assertThat(backup.path("error").asString()).isNotBlank();
		eventsHandled();
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM notification WHERE template = 'backup-problem' AND recipient_index = ? "
					+ "AND idempotency_key LIKE ?")
			// the recipient is sealed; found by its blind index
			.params(this.personal.index("notification-recipient", "ada@example.com"),
					"backup-failed:" + backup.path("id").asLong() + ":%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void badRequestsAreRefusedAndChangeNothing() {
		ApiClient admin = admin();
		assertThat(admin.post("/api/v1/operations/backups", Map.of("kind", "WARM")).status()).isEqualTo(400);
		assertThat(admin.post("/api/v1/operations/backups", Map.of()).status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/operations/backups?limit=0").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/operations/backups/999999").status()).isEqualTo(404);
		JsonNode backup = finished(admin, start(admin, "LOGICAL"));
		assertThat(backup.path("status").asString()).as(backup.toString()).isEqualTo("SUCCEEDED");
		long id = backup.path("id").asLong();
		ApiClient.Response wrongName = admin.post("/api/v1/operations/backups/" + id + "/restore",
				Map.of("confirmation", "acme support"));
		assertThat(wrongName.status()).as(wrongName.toString()).isEqualTo(400);
		assertThat(wrongName.json().path("errors").toString()).contains("confirmation");
		assertThat(admin.delete("/api/v1/operations/backups/" + id).status()).isEqualTo(200);
		assertThat(
				Files.exists(Path.of(backup.path("directory").asString()).resolve(backup.path("fileName").asString())))
			.isFalse();
		ApiClient.Response deleted = admin.post("/api/v1/operations/backups/" + id + "/restore",
				Map.of("confirmation", "Acme Support"));
		assertThat(deleted.status()).isEqualTo(409);
		assertThat(admin.post("/api/v1/operations/backups/" + id + "/verify", Map.of()).status()).isEqualTo(409);

		Map<String, Object> strategy = new java.util.HashMap<>(Map.of("schedules", Map.of("LOGICAL", "every day"),
				"compress", true, "encrypt", false, "keepDaily", 7, "keepWeekly", 4, "keepMonthly", 6));
		assertThat(admin.put("/api/v1/operations/backup-strategy", strategy).json().path("errors").toString())
			.contains("schedules.LOGICAL");
		strategy.put("schedules", Map.of("HOT", "0 * * * * *"));
		assertThat(admin.put("/api/v1/operations/backup-strategy", strategy).status()).isEqualTo(400);
		strategy.put("schedules", Map.of("SOMETIMES", "0 0 2 * * *"));
		assertThat(admin.put("/api/v1/operations/backup-strategy", strategy).status()).isEqualTo(400);
		strategy.put("schedules", Map.of());
		strategy.put("keepDaily", 0);
		assertThat(admin.put("/api/v1/operations/backup-strategy", strategy).status()).isEqualTo(400);
		strategy.put("keepDaily", 7);
		strategy.put("directory", "relative/path");
		assertThat(admin.put("/api/v1/operations/backup-strategy", strategy).status()).isEqualTo(400);
		strategy.put("directory", "/proc/no-backups-here");
		assertThat(admin.put("/api/v1/operations/backup-strategy", strategy).status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/operations/backup-strategy").json().path("directory").asString())
			.isEqualTo(directory.toString());
		assertThat(admin.get("/api/v1/operations/backup-strategy/preview?cron=nonsense").status()).isEqualTo(400);
		JsonNode preview = admin.get("/api/v1/operations/backup-strategy/preview?cron=0%200%202%20*%20*%20*").json();
		assertThat(preview.path("timeZone").asString()).isEqualTo("Asia/Shanghai");
		assertThat(preview.path("next")).hasSize(5);
		assertThat(preview.path("next").get(0).asString()).contains("T02:00+08:00");
	}

	@Test
	void onlyHoldersOfBackupRunMayTouchBackups() {
		ApiClient agent = signedInAs("agent");
		assertThat(agent.get("/api/v1/operations/backups").status()).isEqualTo(403);
		assertThat(agent.post("/api/v1/operations/backups", Map.of("kind", "HOT")).status()).isEqualTo(403);
		assertThat(agent.get("/api/v1/operations/backup-strategy").status()).isEqualTo(403);
		assertThat(agent.put("/api/v1/operations/backup-strategy", Map.of()).status()).isEqualTo(403);
		assertThat(agent.post("/api/v1/operations/backups/1/restore", Map.of("confirmation", "Acme Support")).status())
			.isEqualTo(403);
		assertThat(agent.get("/api/v1/operations/restores").status()).isEqualTo(403);
		ApiClient support = signedInAs("support");
		assertThat(support.get("/api/v1/operations/backups").status()).isEqualTo(200);
	}

	@Test
	void aSecondBackupWhileOneRunsIsRefused() {
		this.jdbc.sql("DELETE FROM node_lease WHERE name = 'backup'").update();
		this.jdbc.sql("INSERT INTO node_lease (name, holder, expires_at) VALUES ('backup', 'another-node', ?)")
			.param(this.clock.millis() + 3_600_000L)
			.update();
		try {
			ApiClient.Response busy = admin().post("/api/v1/operations/backups", Map.of("kind", "HOT"));
			assertThat(busy.status()).as(busy.toString()).isEqualTo(409);
			assertThat(busy.json().path("code").asString()).isEqualTo("backup_busy");
		}
		finally {
			this.jdbc.sql("DELETE FROM node_lease WHERE name = 'backup'").update();
		}
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static long fileSize(JsonNode backup) {
		try {
			return Files.size(Path.of(backup.path("directory").asString()).resolve(backup.path("fileName").asString()));
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	static long start(ApiClient admin, String kind) {
		ApiClient.Response started = admin.post("/api/v1/operations/backups", Map.of("kind", kind));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		assertThat(started.json().path("status").asString()).isEqualTo("RUNNING");
		return started.json().path("id").asLong();
	}

	static JsonNode finished(ApiClient admin, long id) {
		return Eventually.within(Duration.ofSeconds(60), () -> {
			JsonNode now = admin.get("/api/v1/operations/backups/" + id).json();
			assertThat(now.path("status").asString()).isNotEqualTo("RUNNING");
			return now;
		});
	}

	static JsonNode restore(ApiClient admin, long backupId, String confirmation) {
		ApiClient.Response started = admin.post("/api/v1/operations/backups/" + backupId + "/restore",
				Map.of("confirmation", confirmation));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		long restoreId = started.json().path("id").asLong();
		return Eventually.within(Duration.ofSeconds(60), () -> {
			JsonNode now = admin.get("/api/v1/operations/restores/" + restoreId).json();
			assertThat(now.path("status").asString()).isNotEqualTo("RUNNING");
			return now;
		});
	}

}
