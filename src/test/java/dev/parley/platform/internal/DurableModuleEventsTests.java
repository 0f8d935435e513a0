package dev.parley.platform.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import dev.parley.ParleyApplication;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Module events survive what happens to a node after the change committed: a node that
 * stops before its listeners ran, and a listener that fails. Each test starts real nodes
 * on one embedded database that outlives them.
 */
@Timeout(300)
class DurableModuleEventsTests {

	private static final String ADMIN_PASSWORD = "Durable-Passw0rd!";

	private String database;

	@BeforeEach
	void freshDatabase() {
		EventProbe.reset();
		this.database = "jdbc:h2:mem:durable-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
	}

	@AfterEach
	void dropDatabase() throws Exception {
		try (var connection = java.sql.DriverManager.getConnection(this.database, "parley", "");
				var statement = connection.createStatement()) {
			statement.execute("SHUTDOWN");
		}
	}

	@Test
	void aListenerCutOffByAStopRunsOnceAfterTheRestart() {
		long conversation;
		try (ConfigurableApplicationContext dying = start(DyingNode.class)) {
			ApiClient admin = admin(dying);
			assertThat(admin.put("/api/v1/agents/me/status", Map.of("status", "online")).status()).isEqualTo(200);
			conversation = startConversation(dying, admin);
			// committed, but the node goes down before routing ran
			assertThat(status(admin, conversation)).isEqualTo("waiting");
			assertThat(incomplete(dying)).isNotEmpty();
			assertThat(EventProbe.waitingRuns).isEmpty();
		}
		try (ConfigurableApplicationContext restarted = start()) {
			ApiClient admin = admin(restarted);
			awaitTrue(() -> "assigned".equals(status(admin, conversation)), "the conversation routed after restart");
			awaitTrue(() -> incomplete(restarted).isEmpty(), "every publication completed");
			assertThat(EventProbe.waitingRuns.get(conversation).get()).isOne();
			List<JsonNode> assigned = assignedLines(admin, conversation);
			assertThat(assigned).hasSize(1);
			// another round of resubmission finds nothing left to do
			restarted.getBean(EventPublications.class).resubmitFailed();
			restarted.getBean(EventPublications.class).atStart();
			assertThat(EventProbe.waitingRuns.get(conversation).get()).isOne();
			assertThat(assignedLines(admin, conversation)).hasSize(1);
		}
	}

	@Test
	void aFailedListenerIsRetriedUntilItCompletesAndThenNeverAgain() {
		EventProbe.failuresPerPoke = 2;
		try (ConfigurableApplicationContext node = start()) {
			publish(node, new EventProbe.Poked("p-1"));
			awaitTrue(() -> attempts("p-1") == 1 && failed(node) == 1, "the first attempt failed");
			EventPublications publications = node.getBean(EventPublications.class);
			publications.resubmitFailed();
			awaitTrue(() -> attempts("p-1") == 2 && failed(node) == 1, "the second attempt failed too");
			publications.resubmitFailed();
			awaitTrue(() -> incomplete(node).isEmpty(), "the third attempt completed");
			publications.resubmitFailed();
			assertThat(EventProbe.pokeRuns.get("p-1").get()).isOne();
			assertThat(attempts("p-1")).isEqualTo(3);
		}
	}

	// ---- helpers

	private ConfigurableApplicationContext start(Class<?>... extra) {
		Class<?>[] sources = new Class<?>[extra.length + 2];
		sources[0] = ParleyApplication.class;
		sources[1] = EventProbe.class;
		System.arraycopy(extra, 0, sources, 2, extra.length);
		return new SpringApplicationBuilder(sources).run("--server.port=0", "--spring.datasource.url=" + this.database,
				"--parley.setup.admin-username=admin", "--parley.setup.admin-password=" + ADMIN_PASSWORD,
				"--parley.routing.sweep=1h", "--parley.events.resubmit-interval=1h", "--logging.level.root=WARN",
				"--logging.level.org.springframework.modulith=DEBUG", "--logging.level.dev.parley=DEBUG",
				"--logging.level.org.springframework.transaction=DEBUG",
				"--logging.level.org.springframework.aop=DEBUG",
				"--logging.level.org.springframework.scheduling=DEBUG");
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	private static ApiClient admin(ConfigurableApplicationContext node) {
		ApiClient admin = new ApiClient(port(node));
		ApiClient.Response login = admin.login("admin", ADMIN_PASSWORD);
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		return admin;
	}

	private static long startConversation(ConfigurableApplicationContext node, ApiClient admin) {
		ApiClient.Response channel = admin.post("/api/v1/channels",
				Map.of("kind", "api", "name", "Durable " + UUID.randomUUID(), "allowedOrigins", List.of("*")));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		ApiClient visitor = new ApiClient(port(node));
		String token = visitor
			.post("/api/v1/widget/channels/" + channel.json().path("key").asString() + "/visitors", Map.of())
			.json()
			.path("token")
			.asString();
		visitor.withHeader("X-Parley-Visitor", token);
		ApiClient.Response started = visitor.post("/api/v1/widget/conversations", Map.of());
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.json().path("id").asLong();
	}

	private static String status(ApiClient admin, long conversation) {
		return admin.get("/api/v1/conversations/" + conversation).json().path("status").asString();
	}

	private static List<JsonNode> assignedLines(ApiClient admin, long conversation) {
		List<JsonNode> lines = new java.util.ArrayList<>();
		admin.get("/api/v1/conversations/" + conversation + "/messages?after=0&limit=200")
			.json()
			.path("items")
			.forEach((line) -> {
				if ("assigned".equals(line.path("event").path("type").asString())) {
					lines.add(line);
				}
			});
		return lines;
	}

	private static List<Map<String, Object>> incomplete(ConfigurableApplicationContext node) {
		return node.getBean(JdbcClient.class)
			.sql("SELECT listener_id, status FROM event_publication WHERE completion_date IS NULL")
			.query()
			.listOfRows();
	}

	private static long failed(ConfigurableApplicationContext node) {
		return node.getBean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM event_publication WHERE status = 'FAILED'")
			.query(Long.class)
			.single();
	}

	private static int attempts(String poke) {
		var attempts = EventProbe.pokeAttempts.get(poke);
		return (attempts != null) ? attempts.get() : 0;
	}

	static void publish(ConfigurableApplicationContext node, Object... events) {
		ApplicationEventPublisher publisher = node;
		node.getBean(TransactionTemplate.class).executeWithoutResult((tx) -> {
			for (Object event : events) {
				publisher.publishEvent(event);
			}
		});
	}

	static void awaitTrue(BooleanSupplier condition, String what) {
		Eventually.until(what, condition);
	}

}
