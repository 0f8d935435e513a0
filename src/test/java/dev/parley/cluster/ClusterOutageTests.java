package dev.parley.cluster;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import dev.parley.ParleyApplication;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.ExternalServices;
import dev.parley.testing.SocketClient;
import dev.parley.testing.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of a cluster on one PostgreSQL database, each reaching RabbitMQ and Redis
 * through a TCP proxy of its own, so one node's link to a service can be cut (or left
 * hanging) while the shared services keep running for everybody else.
 */
@Timeout(300)
class ClusterOutageTests {

	private static final String PASSWORD = "Outage-Passw0rd!";

	private static ExternalServices.TestDatabase database;

	private static final TcpProxy[] rabbit = new TcpProxy[2];

	private static final TcpProxy[] redis = new TcpProxy[2];

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startTwoNodes() {
		database = ExternalServices.postgres();
		ExternalServices.requireRedis();
		ExternalServices.requireRabbitMq();
		for (int i = 0; i < 2; i++) {
			rabbit[i] = TcpProxy.to(ExternalServices.rabbitMqHost());
			redis[i] = TcpProxy.to(ExternalServices.redisHost());
		}
		String namespace = "parley-test-" + UUID.randomUUID();
		nodeA = start(namespace, 0, "--parley.setup.admin-username=admin", "--parley.setup.admin-password=" + PASSWORD);
		nodeB = start(namespace, 1);
	}

	@AfterAll
	static void stopNodes() {
		Stream.of(nodeA, nodeB).filter((node) -> node != null).forEach(ConfigurableApplicationContext::close);
		Stream.concat(Arrays.stream(rabbit), Arrays.stream(redis))
			.filter((proxy) -> proxy != null)
			.forEach(TcpProxy::close);
		if (database != null) {
			database.drop();
		}
	}

	@Test
	void everyAcknowledgedMessageReachesTheOtherNodeAcrossBrokerOutages() {
		ApiClient admin = signedIn(port(nodeA));
		Chat chat = startChat(admin, port(nodeA));
		ApiClient adminOnB = admin.onPort(port(nodeB));
		assertThat(adminOnB.post("/api/v1/conversations/" + chat.conversation() + "/assign", Map.of()).status())
			.isEqualTo(200);
		try (Party visitorOnA = new Party(SocketClient.visitor(port(nodeA), chat.token()), chat.conversation(), "v");
				Party agentOnB = new Party(SocketClient.staff(port(nodeB), adminOnB), chat.conversation(), "a")) {
			talk(visitorOnA, agentOnB, 5);

			rabbit[0].cut();
			talk(visitorOnA, agentOnB, 20);
			rabbit[0].restore();

			rabbit[1].cut();
			talk(visitorOnA, agentOnB, 20);
			rabbit[1].restore();

			talk(visitorOnA, agentOnB, 5);
			await(() -> agentOnB.received.containsAll(visitorOnA.acknowledged.keySet()),
					() -> "visitor's messages on node B; missing " + missing(visitorOnA, agentOnB));
			await(() -> visitorOnA.received.containsAll(agentOnB.acknowledged.keySet()),
					() -> "agent's messages on node A; missing " + missing(agentOnB, visitorOnA));
			// each node lost its own link once: its clients are told to resync when its
			// consumer is back, which can be after the messages above arrived: a node
			// fills a gap it notices from the database (the agent's next message on B
			// brings the visitor's missed ones) and its publisher reconnects on its own,
			// while its consumer retries only every second
			await(() -> visitorOnA.resyncs.get() > 0, "resync frames on node A");
			await(() -> agentOnB.resyncs.get() > 0, "resync frames on node B");
		}
	}

	@Test
	void aRedisOutageRefusesConsoleCallsQuicklyAndLeavesVisitorsAndOpenChatsAlone() {
		for (boolean hang : new boolean[] { false, true }) {
			ApiClient admin = signedIn(port(nodeA));
			String channel = newChannel(admin);
			Chat chat = startChat(admin, port(nodeA), channel);
			assertThat(admin.post("/api/v1/conversations/" + chat.conversation() + "/assign", Map.of()).status())
				.isEqualTo(200);
			try (Party visitor = new Party(SocketClient.visitor(port(nodeA), chat.token()), chat.conversation(),
					"v-" + hang);
					Party agent = new Party(SocketClient.staff(port(nodeA), admin), chat.conversation(), "a-" + hang)) {
				if (hang) {
					redis[0].hang();
				}
				else {
					redis[0].cut();
				}
				for (int i = 0; i < 3; i++) {
					ApiClient.Response console = admin.get("/api/v1/conversations/" + chat.conversation());
					assertThat(console.status()).as("console call without Redis (hang=%s): %s", hang, console)
						.isEqualTo(503);
					assertThat(console.code()).isEqualTo("unavailable");
				}
				ApiClient.Response signIn = new ApiClient(port(nodeA)).login("admin", PASSWORD);
				assertThat(signIn.status()).as(signIn.toString()).isEqualTo(503);

				// the visitor API needs no session, even when the browser sends the
				// cookie
				Chat arrival = startChat(admin, port(nodeA), channel);
				assertThat(arrival.conversation()).isPositive();
				talk(visitor, agent, 3);
				// the other node has its own link to Redis and serves the same session
				assertThat(admin.onPort(port(nodeB)).get("/api/v1/conversations/" + chat.conversation()).status())
					.isEqualTo(200);

				redis[0].restore();
				await(() -> admin.get("/api/v1/conversations/" + chat.conversation()).status() == 200,
						"console on node A again after Redis is back (hang=" + hang + ")");
			}
		}
	}

	/** Each side sends {@code count} messages, each acknowledged before the next. */
	private static void talk(Party visitor, Party agent, int count) {
		for (int i = 0; i < count; i++) {
			visitor.sendAcknowledged();
			agent.sendAcknowledged();
		}
	}

	private static Set<String> missing(Party sender, Party receiver) {
		Set<String> missing = new HashSet<>(sender.acknowledged.keySet());
		missing.removeAll(receiver.received);
		return missing;
	}

	/**
	 * A visitor arriving through the widget API of a new channel, with a conversation.
	 */
	private static Chat startChat(ApiClient admin, int port) {
		return startChat(admin, port, newChannel(admin));
	}

	private static String newChannel(ApiClient admin) {
		ApiClient.Response channel = admin.post("/api/v1/channels",
				Map.of("kind", "website", "name", "Outage " + UUID.randomUUID(), "allowedOrigins", List.of("*")));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		return channel.json().path("key").asString();
	}

	/** A visitor arriving through the widget API of this channel, with a conversation. */
	private static Chat startChat(ApiClient admin, int port, String key) {
		// the visitor's browser also holds the staff session cookie: it must not matter
		ApiClient visitor = admin.onPort(port);
		ApiClient.Response arrival = visitor.post("/api/v1/widget/channels/" + key + "/visitors", Map.of());
		assertThat(arrival.status()).as("widget arrival: %s", arrival).isIn(200, 201);
		String token = arrival.json().path("token").asString();
		ApiClient.Response started = new ApiClient(port).withHeader("X-Parley-Visitor", token)
			.post("/api/v1/widget/conversations", Map.of());
		assertThat(started.status()).as("conversation started: %s", started).isIn(200, 201);
		return new Chat(token, started.json().path("id").asLong());
	}

	private record Chat(String token, long conversation) {
	}

	private static ApiClient signedIn(int port) {
		ApiClient admin = new ApiClient(port);
		ApiClient.Response login = admin.login("admin", PASSWORD);
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		return admin;
	}

	private static void await(BooleanSupplier condition, String what) {
		await(condition, () -> what);
	}

	private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) {
		Eventually.until(what, condition, Duration.ofSeconds(60));
	}

	private static ConfigurableApplicationContext start(String namespace, int node, String... extra) {
		String[] args = new String[] { "--server.port=0", "--spring.profiles.active=cluster",
				"--parley.secret-key=" + dev.parley.testing.TestSecrets.SECRET_KEY,
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=", "--spring.session.redis.namespace=" + namespace,
				"--parley.cluster-events.exchange=" + namespace, "--spring.data.redis.host=127.0.0.1",
				"--spring.data.redis.port=" + redis[node].port(), "--spring.rabbitmq.host=127.0.0.1",
				"--spring.rabbitmq.port=" + rabbit[node].port(), "--parley.realtime.max-frames-per-second=1000",
				"--logging.level.root=WARN" };
		return new SpringApplicationBuilder(ParleyApplication.class)
			.run(Stream.concat(Arrays.stream(args), Arrays.stream(extra)).toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	/**
	 * One side of the chat on an open socket: sends messages and waits for their acks,
	 * collects every message frame that arrives, and answers the server's {@code resync}
	 * with a {@code sync} of the conversation, as the clients do.
	 */
	private static final class Party implements AutoCloseable {

		private final SocketClient socket;

		private final long conversation;

		private final String side;

		private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

		private final Set<String> received = ConcurrentHashMap.newKeySet();

		private final AtomicInteger resyncs = new AtomicInteger();

		private final List<JsonNode> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

		private final AtomicInteger sent = new AtomicInteger();

		private final Thread reader;

		private volatile boolean open = true;

		Party(SocketClient socket, long conversation, String side) {
			this.socket = socket;
			this.conversation = conversation;
			this.side = side;
			this.reader = new Thread(this::read, "party-" + side);
			this.reader.setDaemon(true);
			this.reader.start();
		}

		void sendAcknowledged() {
			String clientId = this.side + "-" + this.sent.incrementAndGet();
			this.socket.send(Map.of("type", "send", "conversationId", this.conversation, "clientId", clientId, "text",
					"message " + clientId));
			await(() -> this.acknowledged.containsKey(clientId) || !this.errors.isEmpty(), () -> "ack of " + clientId);
			assertThat(this.errors).as("errors on %s's socket", this.side).isEmpty();
		}

		private void read() {
			while (this.open) {
				JsonNode frame = this.socket.poll(Duration.ofMillis(100));
				if (frame == null) {
					continue;
				}
				switch (frame.path("type").asString()) {
					case "ack" -> this.acknowledged.put(frame.path("clientId").asString(), frame.path("seq").asLong());
					case "message" -> this.received.add(frame.path("message").path("clientId").asString());
					case "resync" -> {
						this.resyncs.incrementAndGet();
						this.socket.send(Map.of("type", "sync", "conversationId", this.conversation, "afterSeq", 0));
					}
					case "error" -> this.errors.add(frame);
					default -> {
					}
				}
			}
		}

		@Override
		public void close() {
			this.open = false;
			this.socket.close();
		}

	}

}
