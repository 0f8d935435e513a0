package dev.parley.conversations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ServerProcess;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Acknowledged means committed" on the embedded default: a real Parley process on its H2
 * file database is killed (SIGKILL) while a visitor and an agent chat as fast as their
 * acknowledgements allow, and started again on the same data directory, three times.
 * Every message the server acknowledged before the kill is in the transcript afterwards
 * under the sequence number of its {@code ack}, and the messages sent after the restart
 * get new numbers, never those of lost messages.
 */
@Timeout(600)
class CrashDurabilityProcessTests {

	private static final int KILLS = 3;

	/** Acknowledgements (both sides) to collect in a round before the kill. */
	private static final int ACKS_BEFORE_KILL = 300;

	@TempDir
	Path dataDir;

	@Test
	void acknowledgedMessagesSurviveAKillAndTheirNumbersAreNeverReused() throws Exception {
		try (ServerProcess server = ServerProcess.start(this.dataDir.resolve("parley"),
				"--parley.realtime.max-frames-per-second=100000")) {
			ApiClient admin = server.admin();
			String key = admin
				.post("/api/v1/channels", Map.of("kind", "website", "name", "Crash", "allowedOrigins", List.of("*")))
				.json()
				.path("key")
				.asString();
			String token = new ApiClient(server.port()).post("/api/v1/widget/channels/" + key + "/visitors", Map.of())
				.json()
				.path("token")
				.asString();
			long conversation = new ApiClient(server.port()).withHeader("X-Parley-Visitor", token)
				.post("/api/v1/widget/conversations", Map.of())
				.json()
				.path("id")
				.asLong();
			assertThat(admin.post("/api/v1/conversations/" + conversation + "/assign", Map.of()).status())
				.isEqualTo(200);

			Map<String, Long> acknowledged = new ConcurrentHashMap<>();
			for (int round = 1; round <= KILLS; round++) {
				long highestBefore = acknowledged.values().stream().mapToLong(Long::longValue).max().orElse(0);
				chatUntilKilled(server, token, conversation, round, acknowledged, highestBefore);
				server.restart();

				Map<String, Long> transcript = transcript(server.admin(), conversation);
				Map<String, Long> missing = new HashMap<>(acknowledged);
				missing.keySet().removeAll(transcript.keySet());
				assertThat(missing)
					.as("%d of %d acknowledged messages missing after kill %d", missing.size(), acknowledged.size(),
							round)
					.isEmpty();
				for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
					assertThat(transcript.get(ack.getKey())).as("sequence number of %s", ack.getKey())
						.isEqualTo(ack.getValue());
				}
			}
			// after the last restart: the next message is numbered after every
			// acknowledged one
			long highest = acknowledged.values().stream().mapToLong(Long::longValue).max().orElseThrow();
			try (SocketClient visitor = SocketClient.visitor(server.port(), token)) {
				visitor.send(Map.of("type", "send", "conversationId", conversation, "clientId", "after-last-kill",
						"text", "still there?"));
				JsonNode ack = visitor.expect("ack");
				assertThat(ack.path("duplicate").asBoolean()).isFalse();
				assertThat(ack.path("seq").asLong()).isGreaterThan(highest);
			}
		}
	}

	/**
	 * Both sides send one message after another (the next once the last is acknowledged)
	 * until {@link #ACKS_BEFORE_KILL} are acknowledged in this round; then the server is
	 * killed while they go on. Records every acknowledgement; the first of each side in
	 * this round must be numbered after everything acknowledged before.
	 */
	private void chatUntilKilled(ServerProcess server, String token, long conversation, int round,
			Map<String, Long> acknowledged, long highestBefore) throws Exception {
		CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		try (SocketClient visitor = SocketClient.visitor(server.port(), token);
				SocketClient agent = SocketClient.staff(server.port(), server.admin())) {
			Thread visitorSide = sender(visitor, "v" + round, conversation, acknowledged, highestBefore, enough,
					failure);
			Thread agentSide = sender(agent, "a" + round, conversation, acknowledged, highestBefore, enough, failure);
			boolean reached = enough.await(120, TimeUnit.SECONDS);
			server.kill();
			visitorSide.join(60_000);
			agentSide.join(60_000);
			assertThat(failure.get()).as("chat before kill %d", round).isNull();
			assertThat(reached).as("%d acknowledgements before kill %d", ACKS_BEFORE_KILL, round).isTrue();
		}
	}

	private static Thread sender(SocketClient socket, String side, long conversation, Map<String, Long> acknowledged,
			long highestBefore, CountDownLatch enough, AtomicReference<Throwable> failure) {
		Thread thread = new Thread(() -> {
			try {
				for (int n = 1;; n++) {
					String clientId = side + "-" + n;
					try {
						socket.send(Map.of("type", "send", "conversationId", conversation, "clientId", clientId, "text",
								"message " + clientId));
					}
					catch (RuntimeException ex) {
						return; // the server is gone
					}
					JsonNode ack = awaitAck(socket, clientId);
					if (ack == null) {
						return;
					}
					long seq = ack.path("seq").asLong();
					if (n == 1 && seq <= highestBefore) {
						throw new AssertionError(clientId + " got seq " + seq + ", already acknowledged up to "
								+ highestBefore + " before the kill");
					}
					acknowledged.put(clientId, seq);
					enough.countDown();
				}
			}
			catch (Throwable ex) {
				failure.compareAndSet(null, ex);
			}
		}, "chat-" + side);
		thread.start();
		return thread;
	}

	/** The ack of this message; {@code null} once the connection is gone. */
	private static JsonNode awaitAck(SocketClient socket, String clientId) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			JsonNode frame = socket.poll(Duration.ofMillis(100));
			if (frame == null) {
				if (socket.isClosed()) {
					return null;
				}
				continue;
			}
			String type = frame.path("type").asString();
			if (type.equals("ack") && frame.path("clientId").asString().equals(clientId)) {
				return frame;
			}
			if (type.equals("error")) {
				throw new AssertionError("refused " + clientId + ": " + frame);
			}
		}
		throw new AssertionError("no ack for " + clientId + " within 30 s");
	}

	/** Client id to sequence number of every text message in the transcript. */
	private static Map<String, Long> transcript(ApiClient admin, long conversation) {
		Map<String, Long> stored = new HashMap<>();
		long after = 0;
		while (true) {
			ApiClient.Response page = admin
				.get("/api/v1/conversations/" + conversation + "/messages?after=" + after + "&limit=100");
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			JsonNode items = page.json().path("items");
			if (items.isEmpty()) {
				return stored;
			}
			for (JsonNode message : items) {
				after = message.path("seq").asLong();
				if (!message.path("clientId").isNull() && !message.path("clientId").asString().isEmpty()) {
					Long before = stored.put(message.path("clientId").asString(), after);
					assertThat(before).as("client id %s stored twice", message.path("clientId").asString()).isNull();
				}
			}
		}
	}

}
