package dev.parley.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.ExternalServices;
import dev.parley.testing.Nginx;
import dev.parley.testing.ServerProcess;
import dev.parley.testing.SocketClient;
import dev.parley.testing.TestSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parley as docs/deployment.md deploys it: two nodes in the cluster profile, each in a
 * JVM of its own with the production configuration ({@code deploy/parley.yml}, its
 * addresses replaced), behind a real Nginx running {@code deploy/nginx/parley.conf} with
 * TLS. Every client talks to Nginx only; the nodes are killed, stopped and started under
 * it.
 */
@Timeout(240)
class NginxClusterTests {

	@TempDir
	static Path dir;

	private static ExternalServices.TestDatabase database;

	private static ServerProcess nodeA;

	private static ServerProcess nodeB;

	private static Nginx nginx;

	@BeforeAll
	static void startClusterBehindNginx() {
		ExternalServices.requireRedis();
		ExternalServices.requireRabbitMq();
		database = ExternalServices.postgres();
		String namespace = "parley-nginx-" + UUID.randomUUID();
		nodeA = node("a", namespace);
		nodeB = node("b", namespace);
		nginx = Nginx.start(dir.resolve("nginx"), List.of(nodeA.port(), nodeB.port()));
	}

	@AfterAll
	static void stopEverything() {
		if (nginx != null) {
			nginx.close();
		}
		for (ServerProcess node : new ServerProcess[] { nodeA, nodeB }) {
			if (node != null) {
				node.close();
			}
		}
		if (database != null) {
			database.drop();
		}
	}

	/**
	 * A node with deploy/parley.yml; flags win over the file, so only the addresses of
	 * the test machine's services and the secrets it reads from the environment are
	 * given.
	 */
	private static ServerProcess node(String name, String namespace) {
		return ServerProcess.clusterNode(dir.resolve("node-" + name), database, namespace, TestSecrets.SECRET_KEY,
				"--spring.config.additional-location=file:deploy/parley.yml",
				"--spring.flyway.user=" + database.username(), "--spring.flyway.password=",
				"--spring.data.redis.password=", "--spring.rabbitmq.username=guest", "--spring.rabbitmq.password=guest",
				"--spring.rabbitmq.virtual-host=/", "--parley.realtime.max-frames-per-second=1000");
	}

	@Test
	void httpsOnlyRealClientAddressAndSameOriginSocketsBehindTheProxy() {
		// plain HTTP is redirected to HTTPS
		ApiClient.Response plain = new ApiClient(nginx.http(), null).get("/console/");
		assertThat(plain.status()).isEqualTo(301);
		assertThat(plain.header("Location")).startsWith("https://127.0.0.1/console/");

		// Parley knows the request came over HTTPS (X-Forwarded-Proto): HSTS, secure
		// cookie
		ApiClient browser = new ApiClient(nginx.https(), nginx.tls());
		ApiClient.Response session = browser.get("/api/v1/session");
		assertThat(session.header("Strict-Transport-Security")).as(session.toString()).contains("max-age");
		assertThat(session.raw().headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("XSRF-TOKEN").containsIgnoringCase("Secure"));
		assertThat(new ApiClient(nginx.https(), nginx.tls()).get("/actuator/health/readiness").status()).isEqualTo(200);

		// the audit log has the client's address as Nginx saw it, not one the client
		// wrote
		String stranger = "spoof-" + UUID.randomUUID().toString().substring(0, 8);
		new ApiClient(nginx.https(), nginx.tls()).withHeader("X-Forwarded-For", "203.0.113.9")
			.login(stranger, "Wrong-Passw0rd!");
		ApiClient admin = signedIn();
		JsonNode entry = admin.get("/api/v1/audit-events?actor=" + stranger).json().path("items").path(0);
		assertThat(entry.path("action").asString()).isEqualTo("login.failed");
		assertThat(entry.path("ip").asString()).isEqualTo("127.0.0.1");
		// ... although Parley does take the header from a trusted proxy (here the test,
		// on 127.0.0.1, straight to a node): so it was Nginx that replaced it
		String proxied = "proxied-" + UUID.randomUUID().toString().substring(0, 8);
		new ApiClient(nodeA.port()).withHeader("X-Forwarded-For", "198.51.100.7").login(proxied, "Wrong-Passw0rd!");
		assertThat(
				admin.get("/api/v1/audit-events?actor=" + proxied).json().path("items").path(0).path("ip").asString())
			.isEqualTo("198.51.100.7");

		// the console's socket passes the same-origin check through the proxy, a foreign
		// page's does not
		try (SocketClient socket = SocketClient.staff(nginx.wss(), nginx.tls(), admin, nginx.https())) {
			socket.send(Map.of("type", "ping"));
			socket.expect("pong");
		}
		assertThat(catchThrowable(
				() -> SocketClient.staff(nginx.wss(), nginx.tls(), admin, "https://evil.example").close()))
			.as("staff socket from a foreign origin")
			.isNotNull();
	}

	@Test
	void chatsSurviveAKilledNodeAndARollingRestart() throws Exception {
		ApiClient agent = signedIn();
		String channel = agent
			.post("/api/v1/channels",
					Map.of("kind", "website", "name", "Nginx " + UUID.randomUUID(), "allowedOrigins", List.of("*")))
			.json()
			.path("key")
			.asString();
		ApiClient widget = new ApiClient(nginx.https(), nginx.tls());
		String token = widget.post("/api/v1/widget/channels/" + channel + "/visitors", Map.of())
			.json()
			.path("token")
			.asString();
		long conversation = widget.withHeader("X-Parley-Visitor", token)
			.post("/api/v1/widget/conversations", Map.of())
			.json()
			.path("id")
			.asLong();
		assertThat(agent.post("/api/v1/conversations/" + conversation + "/assign", Map.of()).status()).isEqualTo(200);

		// both sockets on node A (B drained while they connect), so killing A cuts both
		nginx.drain(nodeB.port());
		ChatParty visitor = new ChatParty("visitor", conversation,
				() -> SocketClient.visitor(nginx.wss(), nginx.tls(), token));
		ChatParty staff = new ChatParty("agent", conversation,
				() -> SocketClient.staff(nginx.wss(), nginx.tls(), agent, nginx.https()));
		nginx.drain();
		for (int i = 0; i < 5; i++) {
			visitor.sendAcknowledged();
			staff.sendAcknowledged();
		}
		staff.awaitReceived(visitor.acknowledged().keySet());
		visitor.awaitReceived(staff.acknowledged().keySet());

		visitor.takeLongestWait();
		staff.takeLongestWait();
		nodeA.kill();
		for (int i = 0; i < 5; i++) {
			visitor.sendAcknowledged();
			staff.sendAcknowledged();
		}
		assertThat(visitor.connections()).as("visitor reconnected after the kill").isEqualTo(2);
		assertThat(staff.connections()).as("agent reconnected after the kill").isEqualTo(2);
		staff.awaitReceived(visitor.acknowledged().keySet());
		visitor.awaitReceived(staff.acknowledged().keySet());
		assertTranscript(agent, conversation, visitor, staff);
		System.out.printf("MEASURED node killed: longest wait for an ack: visitor %d ms, agent %d ms%n",
				visitor.takeLongestWait().toMillis(), staff.takeLongestWait().toMillis());
		nodeA.restart();

		// rolling restart, as docs/deployment.md describes it, while both keep chatting
		AtomicBoolean chatting = new AtomicBoolean(true);
		List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<Thread> talkers = new ArrayList<>();
		for (ChatParty party : List.of(visitor, staff)) {
			Thread talker = new Thread(() -> {
				try {
					while (chatting.get()) {
						party.sendAcknowledged();
					}
				}
				catch (Throwable ex) {
					failures.add(ex);
				}
			}, "talker-" + party.side());
			talker.start();
			talkers.add(talker);
		}
		long rollingStart = System.nanoTime();
		int beforeRolling = visitor.acknowledged().size() + staff.acknowledged().size();
		for (ServerProcess node : List.of(nodeA, nodeB)) {
			int before = visitor.acknowledged().size() + staff.acknowledged().size();
			nginx.drain(node.port());
			// the status systemd's unit counts as a clean stop (SuccessExitStatus=143)
			assertThat(node.stop()).as("exit status after SIGTERM").isEqualTo(143);
			node.restart();
			Eventually.until("node ready again",
					() -> new ApiClient(node.port()).get("/actuator/health/readiness").status() == 200);
			nginx.drain();
			Eventually.until("chat goes on after restarting a node",
					() -> visitor.acknowledged().size() + staff.acknowledged().size() > before + 4
							|| !failures.isEmpty());
		}
		chatting.set(false);
		for (Thread talker : talkers) {
			talker.join(30_000);
		}
		assertThat(failures).isEmpty();
		System.out.printf(
				"MEASURED rolling restart: %d s, %d messages acknowledged meanwhile, reconnects: visitor %d, agent %d,"
						+ " longest wait for an ack: visitor %d ms, agent %d ms%n",
				Duration.ofNanos(System.nanoTime() - rollingStart).toSeconds(),
				visitor.acknowledged().size() + staff.acknowledged().size() - beforeRolling, visitor.connections() - 2,
				staff.connections() - 2, visitor.takeLongestWait().toMillis(), staff.takeLongestWait().toMillis());
		staff.awaitReceived(visitor.acknowledged().keySet());
		visitor.awaitReceived(staff.acknowledged().keySet());
		assertTranscript(agent, conversation, visitor, staff);
		visitor.close();
		staff.close();
	}

	/**
	 * The stored transcript: gapless, each message once, every acknowledged message at
	 * the sequence number its ack gave.
	 */
	private static void assertTranscript(ApiClient agent, long conversation, ChatParty... parties) {
		Map<Long, String> transcript = new LinkedHashMap<>();
		long after = 0;
		while (true) {
			JsonNode page = agent
				.get("/api/v1/conversations/" + conversation + "/messages?after=" + after + "&limit=50")
				.json();
			if (page.path("items").isEmpty()) {
				break;
			}
			for (JsonNode message : page.path("items")) {
				after = message.path("seq").asLong();
				transcript.put(after, message.path("clientId").asString());
			}
		}
		List<Long> seqs = new ArrayList<>(transcript.keySet());
		assertThat(seqs).as("sequence numbers").isSorted().doesNotHaveDuplicates();
		assertThat(seqs.get(seqs.size() - 1) - seqs.get(0) + 1).as("no gaps").isEqualTo(seqs.size());
		assertThat(transcript.values().stream().filter((id) -> id != null && !id.isEmpty())).as("each message once")
			.doesNotHaveDuplicates();
		for (ChatParty party : parties) {
			party.acknowledged()
				.forEach((clientId, seq) -> assertThat(transcript.get(seq)).as("message %s at seq %s", clientId, seq)
					.isEqualTo(clientId));
		}
	}

	private static ApiClient signedIn() {
		ApiClient admin = new ApiClient(nginx.https(), nginx.tls());
		ApiClient.Response login = admin.login(ServerProcess.ADMIN, ServerProcess.ADMIN_PASSWORD);
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		return admin;
	}

	private static Throwable catchThrowable(Runnable action) {
		try {
			action.run();
			return null;
		}
		catch (Throwable ex) {
			return ex;
		}
	}

	/** Waits for a condition; the patience covers a node's restart. */
	static void await(String what, java.util.function.BooleanSupplier condition) {
		Eventually.until(() -> what, condition, Duration.ofSeconds(60));
	}

}
