package dev.parley.conversations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.parley.ParleyApplication;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ExternalServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages stored by the group-committing writer, on each database: many senders at once
 * on both sides of many conversations, resends, two copies of one message racing, and
 * refused messages in the same batches. Every conversation ends with its messages
 * numbered without gaps, each once, with its last message, preview and read marks right;
 * the refused changed nothing; and the writer did put several messages in one
 * transaction.
 */
@Timeout(300)
class MessageBatchTests {

	private static final String PASSWORD = "Batch-Passw0rd!2026";

	private static final int CONVERSATIONS = 12;

	private static final int PER_SIDE = 20;

	@TempDir
	Path dataDir;

	@Test
	void embedded() throws Exception {
		run(null, Files.createDirectories(this.dataDir.resolve("data")));
	}

	@Test
	void postgres() throws Exception {
		run(ExternalServices.postgres(), this.dataDir);
	}

	@Test
	void mariadb() throws Exception {
		run(ExternalServices.mariadb(), this.dataDir);
	}

	private void run(ExternalServices.TestDatabase database, Path data) throws Exception {
		ConfigurableApplicationContext node = null;
		ExecutorService pool = Executors.newFixedThreadPool(2 * CONVERSATIONS + 4);
		try {
			node = start(database, data);
			int port = ((WebServerApplicationContext) node).getWebServer().getPort();
			ApiClient admin = new ApiClient(port);
			assertThat(admin.login("admin", PASSWORD).status()).isEqualTo(200);
			long channel = admin.post("/api/v1/channels", Map.of("kind", "api", "name", "Batch"))
				.json()
				.path("id")
				.asLong();
			String key = admin.get("/api/v1/channels/" + channel).json().path("key").asString();
			List<Long> ids = new ArrayList<>();
			List<ApiClient> visitors = new ArrayList<>();
			for (int i = 0; i <= CONVERSATIONS; i++) {
				ApiClient visitor = new ApiClient(port);
				ApiClient.Response arrived = visitor.post("/api/v1/widget/channels/" + key + "/visitors",
						Map.of("name", "Visitor " + i));
				assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
				visitor = visitor.withHeader("X-Parley-Visitor", arrived.json().path("token").asString());
				ApiClient.Response started = visitor.post("/api/v1/widget/conversations", Map.of());
				assertThat(started.status()).as(started.toString()).isEqualTo(201);
				long id = started.json().path("id").asLong();
				ApiClient.Response assigned = admin.post("/api/v1/conversations/" + id + "/assign", Map.of());
				assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
				ids.add(id);
				visitors.add(visitor);
			}
			// the last one is closed: the agent's messages to it are refused amid the
			// others
			long closed = ids.remove(CONVERSATIONS);
			visitors.remove(CONVERSATIONS);
			ApiClient.Response closing = admin.post("/api/v1/conversations/" + closed + "/close", Map.of());
			assertThat(closing.status()).as(closing.toString()).isEqualTo(200);
			long closedSeq = admin.get("/api/v1/conversations/" + closed).json().path("lastSeq").asLong();

			CountDownLatch go = new CountDownLatch(1);
			List<Callable<Void>> senders = new ArrayList<>();
			for (int c = 0; c < CONVERSATIONS; c++) {
				long id = ids.get(c);
				ApiClient visitor = visitors.get(c);
				senders.add(side(go, visitor, "/api/v1/widget/conversations/" + id + "/messages", "v"));
				senders.add(side(go, admin, "/api/v1/conversations/" + id + "/messages", "a"));
			}
			senders.add(() -> {
				go.await();
				for (int m = 0; m < PER_SIDE; m++) {
					ApiClient.Response refused = admin.post("/api/v1/conversations/" + closed + "/messages",
							Map.of("clientId", "closed-" + m, "text", "too late"));
					assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
					assertThat(refused.code()).isEqualTo("conversation_closed");
				}
				return null;
			});
			// two copies of one message at once (a resend racing the original)
			List<Future<ApiClient.Response>> race = new ArrayList<>();
			for (int copy = 0; copy < 2; copy++) {
				race.add(pool.submit(() -> {
					go.await();
					return visitors.get(0)
						.post("/api/v1/widget/conversations/" + ids.get(0) + "/messages",
								Map.of("clientId", "race", "text", "only once"));
				}));
			}
			List<Future<Void>> running = senders.stream().map(pool::submit).toList();
			go.countDown();
			for (Future<Void> sender : running) {
				sender.get();
			}
			ApiClient.Response first = race.get(0).get();
			ApiClient.Response second = race.get(1).get();
			assertThat(Set.of(first.status(), second.status())).as(first + " / " + second)
				.containsExactlyInAnyOrder(201, 200);
			assertThat(first.json().path("id").asLong()).isEqualTo(second.json().path("id").asLong());

			for (int c = 0; c < CONVERSATIONS; c++) {
				long id = ids.get(c);
				List<JsonNode> messages = new ArrayList<>();
				admin.get("/api/v1/conversations/" + id + "/messages?after=0&limit=200")
					.json()
					.path("items")
					.forEach(messages::add);
				Set<String> texts = new HashSet<>();
				for (int i = 0; i < messages.size(); i++) {
					assertThat(messages.get(i).path("seq").asLong()).as("conversation %d numbered without gaps", id)
						.isEqualTo(i + 1);
					if (!messages.get(i).path("text").isMissingNode() && messages.get(i).path("text").isString()) {
						assertThat(texts.add(messages.get(i).path("text").asString())).as("stored once").isTrue();
					}
				}
				int expected = 2 * PER_SIDE + ((c == 0) ? 1 : 0);
				assertThat(texts).as("conversation %d", id).hasSize(expected);
				JsonNode conversation = admin.get("/api/v1/conversations/" + id).json();
				JsonNode last = messages.get(messages.size() - 1);
				assertThat(conversation.path("lastSeq").asLong()).isEqualTo(last.path("seq").asLong());
				assertThat(conversation.path("lastMessagePreview").asString()).isEqualTo(last.path("text").asString());
				assertThat(conversation.path("visitorReadSeq").asLong()).isEqualTo(lastSeqBy(messages, "visitor"));
				assertThat(conversation.path("agentReadSeq").asLong()).isEqualTo(lastSeqBy(messages, "agent"));
			}
			JsonNode refusedTo = admin.get("/api/v1/conversations/" + closed).json();
			assertThat(refusedTo.path("lastSeq").asLong()).as("nothing added to the closed one").isEqualTo(closedSeq);
			assertThat(refusedTo.path("status").asString()).isEqualTo("closed");

			JsonNode batches = admin.get("/actuator/metrics/parley.chat.message.batch").json();
			Map<String, Double> statistics = new java.util.HashMap<>();
			for (JsonNode measurement : batches.path("measurements")) {
				statistics.put(measurement.path("statistic").asString(), measurement.path("value").asDouble());
			}
			assertThat(statistics.get("TOTAL")).as("several messages stored in one transaction: %s", batches)
				.isGreaterThan(statistics.get("COUNT"));
		}
		finally {
			pool.shutdownNow();
			if (node != null) {
				node.close();
			}
			if (database != null) {
				database.drop();
			}
		}
	}

	/**
	 * One side of a conversation sending {@value #PER_SIDE} messages one after the other,
	 * every fifth sent twice (a resend after a lost answer: same id, nothing added).
	 */
	private static Callable<Void> side(CountDownLatch go, ApiClient client, String path, String prefix) {
		return () -> {
			go.await();
			for (int m = 0; m < PER_SIDE; m++) {
				Map<String, Object> body = Map.of("clientId", prefix + "-" + m, "text", prefix + "-" + m);
				ApiClient.Response sent = client.post(path, body);
				assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
				if (m % 5 == 0) {
					ApiClient.Response again = client.post(path, body);
					assertThat(again.status()).as(again.toString()).isEqualTo(200);
					assertThat(again.json().path("id").asLong()).isEqualTo(sent.json().path("id").asLong());
				}
			}
			// bad input in the middle of the load: refused, nothing stored
			ApiClient.Response blank = client.post(path, Map.of("clientId", prefix + "-blank", "text", "   "));
			assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
			return null;
		};
	}

	/** Writing is reading: a side has read up to its own last message. */
	private static long lastSeqBy(List<JsonNode> messages, String kind) {
		return messages.stream()
			.filter((m) -> m.path("sender").path("kind").asString().equals(kind))
			.mapToLong((m) -> m.path("seq").asLong())
			.max()
			.orElseThrow();
	}

	private static ConfigurableApplicationContext start(ExternalServices.TestDatabase database, Path data) {
		List<String> args = new ArrayList<>(
				Arrays.asList("--server.port=0", "--parley.data-dir=" + data, "--parley.setup.admin-username=admin",
						"--parley.setup.admin-password=" + PASSWORD, "--logging.level.root=WARN",
						// one agent sends 260 messages at once here: the batching is
						// tested,
						// not the limit on REST sends (RateLimitTests)
						"--parley.rate-limits.policies.message-send.capacity=1000000"));
		if (database != null) {
			args.addAll(List.of("--spring.datasource.url=" + database.url(),
					"--spring.datasource.username=" + database.username(), "--spring.datasource.password="));
		}
		return new SpringApplicationBuilder(ParleyApplication.class).run(args.toArray(String[]::new));
	}

}
