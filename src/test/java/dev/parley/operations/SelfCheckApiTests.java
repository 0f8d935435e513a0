package dev.parley.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.parley.notifications.internal.MailAccount;
import dev.parley.notifications.internal.MailAccountRepository;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.MailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrators' self-check API: each check's outcome where a test can steer it, a
 * check that hangs, texts in the reader's language, the test e-mail to oneself, bad input
 * and permissions.
 */
class SelfCheckApiTests extends IntegrationTest {

	private static final String PATH = "/api/v1/operations/self-check";

	private static MailServer mail;

	@Autowired
	private MailAccountRepository accounts;

	@Autowired
	private ConfigurableApplicationContext context;

	@BeforeAll
	static void startMailServer() {
		mail = MailServer.onFreePorts();
	}

	@AfterAll
	static void stopMailServer() {
		mail.close();
	}

	@AfterEach
	void noMailAccount() {
		this.accounts.save(MailAccount.none(), "test");
	}

	@Test
	void runsEveryCheckAndRecordsTheRun() {
		ApiClient admin = admin();
		ApiClient.Response response = admin.get(PATH + "?browserTime=" + this.clock.millis());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode checks = response.json().path("checks");
		assertThat(keys(checks)).containsExactly("database", "disk-space", "clock", "email", "proxy", "secret-key",
				"public-address", "cluster-peers", "backup-directory");
		assertThat(check(checks, "cluster-peers").path("detail").asString()).contains("only node");
		assertThat(check(checks, "backup-directory").path("status").asString()).isIn("OK", "WARNING");
		assertThat(check(checks, "backup-directory").path("detail").asString()).contains("Backups go to");

		JsonNode database = check(checks, "database");
		assertThat(database.path("status").asString()).isEqualTo("OK");
		assertThat(database.path("title").asString()).isEqualTo("Database");
		assertThat(database.path("detail").asString()).contains("H2", "embedded default", "reading and writing work");
		assertThat(database.path("fix").asString()).contains("PostgreSQL or MariaDB");
		assertThat(check(checks, "disk-space").path("detail").asString()).contains("Data directory", "free of");
		JsonNode secret = check(checks, "secret-key");
		assertThat(secret.path("status").asString()).isEqualTo("OK");
		assertThat(secret.path("detail").asString()).contains("parley.secret-key");
		JsonNode proxy = check(checks, "proxy");
		assertThat(proxy.path("status").asString()).isEqualTo("OK");
		assertThat(proxy.path("detail").asString()).contains("directly", "127.0.0.1");
		assertThat(check(checks, "email").path("status").asString()).isEqualTo("WARNING");
		assertThat(check(checks, "email").path("detail").asString()).contains("No outgoing mail account");

		JsonNode run = response.json().path("run");
		assertThat(run.path("ranBy").asString()).isEqualTo(ADMIN);
		assertThat(run.path("ok").asInt() + run.path("warnings").asInt() + run.path("failed").asInt()).isEqualTo(9);
		JsonNode last = admin.get(PATH + "/last-run").json().path("lastRun");
		assertThat(last.path("ranBy").asString()).isEqualTo(ADMIN);
		assertThat(last.path("ranAt").asString()).isEqualTo(run.path("ranAt").asString());
	}

	@Test
	void aCheckThatHangsFailsAfterTheTimeoutWhileTheOthersAnswer() {
		CountDownLatch released = new CountDownLatch(1);
		DefaultListableBeanFactory beans = (DefaultListableBeanFactory) this.context.getBeanFactory();
		beans.registerSingleton("hangingSelfCheck", new SelfCheck() {

			@Override
			public String key() {
				return "hanging";
			}

			@Override
			public SelfCheckResult run(SelfCheckContext context) {
				try {
					released.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return SelfCheckResult.ok("too late");
			}

		});
		try {
			long started = System.nanoTime();
			ApiClient.Response response = admin().get(PATH);
			long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			assertThat(seconds).as("parley.self-check.timeout, not longer").isBetween(9L, 20L);
			JsonNode checks = response.json().path("checks");
			JsonNode hanging = check(checks, "hanging");
			assertThat(hanging.path("status").asString()).isEqualTo("FAILED");
			assertThat(hanging.path("detail").asString()).isEqualTo("Did not answer within 10 s.");
			assertThat(hanging.path("fix").asString()).contains("server log");
			assertThat(check(checks, "database").path("status").asString()).isEqualTo("OK");
		}
		finally {
			released.countDown();
			beans.destroySingleton("hangingSelfCheck");
		}
	}

	@Test
	void comparesTheNodesClockWithTheDatabasesAndTheBrowsers() {
		Duration offset = Duration.between(Instant.now(), this.clock.instant());
		try {
			ApiClient admin = admin();
			this.clock.set(Instant.now());
			JsonNode clock = clockCheck(admin, this.clock.millis());
			assertThat(clock.path("status").asString()).as(clock.toString()).isEqualTo("OK");
			assertThat(clock.path("detail").asString()).contains("Asia/Shanghai", "browser's clock is +0.");

			this.clock.set(Instant.now());
			clock = clockCheck(admin, this.clock.millis() + 10_000);
			assertThat(clock.path("status").asString()).isEqualTo("WARNING");
			assertThat(clock.path("fix").asString()).contains("Your computer's clock is off");

			this.clock.set(Instant.now().plusSeconds(10));
			clock = clockCheck(admin, this.clock.millis());
			assertThat(clock.path("status").asString()).isEqualTo("WARNING");
			// the database's clock is read in a round trip: under load a tenth either way
			assertThat(clock.path("detail").asString()).containsPattern("\\+(9\\.[5-9]|10\\.[0-5]) s");
			assertThat(clock.path("fix").asString()).contains("chrony");

			this.clock.set(Instant.now().minusSeconds(60));
			clock = clockCheck(admin, null);
			assertThat(clock.path("status").asString()).isEqualTo("FAILED");
			assertThat(clock.path("detail").asString()).containsPattern("-(59\\.[5-9]|60\\.[0-5]) s")
				.doesNotContain("browser");
		}
		finally {
			this.clock.set(Instant.now().plus(offset));
		}
	}

	@Test
	void tellsWhetherForwardedHeadersAreUsed() {
		ApiClient admin = admin().withHeader("X-Forwarded-For", "203.0.113.9").withHeader("X-Forwarded-Proto", "http");
		JsonNode proxy = check(admin.get(PATH).json().path("checks"), "proxy");
		assertThat(proxy.path("status").asString()).isEqualTo("OK");
		assertThat(proxy.path("detail").asString()).contains("through a proxy whose headers Parley uses",
				"203.0.113.9");
	}

	@Test
	void comparesThePublicAddressWithTheAddressInUse() {
		ApiClient admin = admin();
		String before = setting(admin, "organisation.publicUrl");
		try {
			putSetting(admin, "organisation.publicUrl", "https://support.example.com");
			JsonNode address = check(admin.get(PATH).json().path("checks"), "public-address");
			assertThat(address.path("status").asString()).isEqualTo("WARNING");
			assertThat(address.path("detail").asString()).contains("https://support.example.com",
					"http://127.0.0.1:" + this.port);

			putSetting(admin, "organisation.publicUrl", "http://127.0.0.1:" + this.port);
			address = check(admin.get(PATH).json().path("checks"), "public-address");
			assertThat(address.path("status").asString()).isEqualTo("OK");
		}
		finally {
			putSetting(admin, "organisation.publicUrl", before);
		}
	}

	@Test
	void sendsTheTestMailToTheAdministratorsOwnAddress() {
		ApiClient admin = admin();
		assertThat(admin.post(PATH + "/test-mail", Map.of()).code()).isEqualTo("mail_not_set_up");
		ApiClient.Response saved = admin.put("/api/v1/mail-account", mail.account("support@acme.test"));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		JsonNode email = check(admin.get(PATH).json().path("checks"), "email");
		assertThat(email.path("status").asString()).isEqualTo("OK");
		assertThat(email.path("detail").asString()).contains("127.0.0.1", "support@acme.test");

		ApiClient.Response sent = admin.post(PATH + "/test-mail", Map.of());
		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		assertThat(sent.json().path("to").asString()).isEqualTo("ada@example.com");
		assertThat(sent.json().path("delivered").asBoolean()).isTrue();
		assertThat(mail.awaitMessagesTo("ada@example.com", 1)).isNotEmpty();
	}

	@Test
	void answersInTheReadersLanguage() {
		ApiClient admin = admin().withHeader("Accept-Language", "zh-CN");
		JsonNode checks = admin.get(PATH).json().path("checks");
		assertThat(check(checks, "database").path("title").asString()).isEqualTo("数据库");
		assertThat(check(checks, "database").path("detail").asString()).contains("读写正常");
		JsonNode traditional = admin().withHeader("Accept-Language", "zh-TW").get(PATH).json().path("checks");
		assertThat(check(traditional, "clock").path("title").asString()).isEqualTo("時鐘和時區");
	}

	@Test
	void refusesABrowserTimeThatIsNone() {
		ApiClient admin = admin();
		for (String bad : new String[] { "yesterday", "-5", "0", "1.5", "253402300800000",
				"99999999999999999999999" }) {
			ApiClient.Response response = admin.get(PATH + "?browserTime=" + bad);
			assertThat(response.status()).as(bad).isEqualTo(400);
			assertThat(response.code()).isEqualTo("validation_failed");
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("browserTime");
		}
		ApiClient.Response chinese = admin.withHeader("Accept-Language", "zh-CN").get(PATH + "?browserTime=x");
		assertThat(chinese.json().path("errors").get(0).path("message").asString()).doesNotContain("must");
	}

	@Test
	void onlyThoseWhoMayUpgradeRunIt() {
		ApiClient agent = signedInAs("agent");
		assertThat(agent.get(PATH).status()).isEqualTo(403);
		assertThat(agent.get(PATH + "/last-run").status()).isEqualTo(403);
		assertThat(agent.post(PATH + "/test-mail", Map.of()).status()).isEqualTo(403);
		ApiClient supervisor = signedInAs("supervisor");
		assertThat(supervisor.get(PATH).code()).isEqualTo("forbidden");
		assertThat(client().get(PATH).status()).isEqualTo(401);
		ApiClient support = signedInAs("support");
		assertThat(support.get(PATH).status()).isEqualTo(200);
	}

	private JsonNode clockCheck(ApiClient admin, Long browserTime) {
		ApiClient.Response response = admin.get(PATH + ((browserTime != null) ? "?browserTime=" + browserTime : ""));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return check(response.json().path("checks"), "clock");
	}

	private static String setting(ApiClient admin, String key) {
		for (JsonNode setting : admin.get("/api/v1/settings").json()) {
			if (setting.path("key").asString().equals(key)) {
				return setting.path("value").asString();
			}
		}
		throw new IllegalArgumentException(key);
	}

	private static void putSetting(ApiClient admin, String key, String value) {
		Map<String, String> changes = new HashMap<>();
		changes.put(key, value);
		ApiClient.Response response = admin.put("/api/v1/settings", changes);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	static java.util.List<String> keys(JsonNode checks) {
		java.util.List<String> keys = new java.util.ArrayList<>();
		checks.forEach((check) -> keys.add(check.path("key").asString()));
		return keys;
	}

	static JsonNode check(JsonNode checks, String key) {
		for (JsonNode check : checks) {
			if (check.path("key").asString().equals(key)) {
				return check;
			}
		}
		throw new AssertionError("no check " + key + " in " + checks);
	}

}
