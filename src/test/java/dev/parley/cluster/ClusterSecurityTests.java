package dev.parley.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Network lists and blocks are one for the whole cluster ({@link TwoNodes}): a deny entry
 * made on node A refuses on node B at once (B keeps its copy of the lists for an hour
 * here, so only the invalidation through RabbitMQ brings it within the wait), and a burst
 * of failed sign-ins split over both nodes is counted once, in the shared database, and
 * blocks the address on both; a block made on A closes the address's sockets on B. The
 * nodes run with the default thresholds.
 */
@Timeout(180)
class ClusterSecurityTests {

	@RegisterExtension
	static final TwoNodes.Extension cluster = new TwoNodes.Extension();

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void aDenyEntryMadeOnOneNodeRefusesOnTheOther() {
		ApiClient adminOnA = admin();
		String address = "203.0.113." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
		assertThat(onB(address).get("/api/v1/maintenance").status()).as("B has read the lists").isEqualTo(200);
		ApiClient.Response added = adminOnA.post("/api/v1/security/networks",
				Map.of("list", "deny", "range", address + "/32", "note", "cluster test"));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		try {
			Eventually.until(() -> "B refuses " + address,
					() -> "address_blocked".equals(onB(address).get("/api/v1/maintenance").code()), WAIT);
		}
		finally {
			adminOnA.delete("/api/v1/security/networks/" + added.json().path("id").asLong());
		}
		Eventually.until(() -> "B serves " + address + " again",
				() -> onB(address).get("/api/v1/maintenance").status() == 200, WAIT);
	}

	@Test
	void aBlockMadeOnOneNodeClosesTheAddressSocketsOnTheOther() {
		ApiClient adminOnA = admin();
		ApiClient.Response channel = adminOnA.post("/api/v1/channels", Map.of("kind", "website", "name",
				"Cluster sockets " + UUID.randomUUID(), "allowedOrigins", java.util.List.of("*")));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		String token = new ApiClient(cluster.portB())
			.post("/api/v1/widget/channels/" + channel.json().path("key").asString() + "/visitors", Map.of())
			.json()
			.path("token")
			.asString();
		String address = "192.0.2." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
		try (SocketClient onB = SocketClient.visitorFrom(cluster.portB(), address, token)) {
			ApiClient.Response block = adminOnA.post("/api/v1/security/blocks", Map.of("address", address));
			assertThat(block.status()).as(block.toString()).isEqualTo(201);
			long blocked = System.nanoTime();
			assertThat(onB.awaitClose()).isEqualTo(1008);
			assertThat(Duration.ofNanos(System.nanoTime() - blocked)).as("B closed the socket as the block committed")
				.isLessThan(Duration.ofSeconds(4));
			adminOnA.post("/api/v1/security/blocks/" + block.json().path("id").asLong() + "/lift", Map.of());
		}
	}

	@Test
	void aBurstSplitOverBothNodesBlocksOnBoth() {
		String address = "198.51.100." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
		assertThat(onB(address).get("/api/v1/maintenance").status()).isEqualTo(200);
		// the default threshold: 60 failed sign-ins within 10 minutes, half on each node
		for (int i = 0; i < 30; i++) {
			assertThat(onA(address).login("nobody-" + i, "wrong").status()).isIn(401, 429);
			assertThat(onB(address).login("nobody-" + i, "wrong").status()).isIn(401, 429);
		}
		assertThat(onA(address).get("/api/v1/maintenance").code()).isEqualTo("address_blocked");
		Eventually.until(() -> "B refuses " + address,
				() -> "address_blocked".equals(onB(address).get("/api/v1/maintenance").code()), WAIT);

		ApiClient adminOnB = new ApiClient(cluster.portB());
		assertThat(adminOnB.login(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD).status()).isEqualTo(200);
		long blockId = -1;
		for (JsonNode block : adminOnB.get("/api/v1/security/blocks").json()) {
			if (block.path("address").asString().equals(address)) {
				blockId = block.path("id").asLong();
				assertThat(block.path("reason").asString()).isEqualTo("failed_sign_ins");
			}
		}
		assertThat(blockId).as("one block of the address").isPositive();
		assertThat(adminOnB.post("/api/v1/security/blocks/" + blockId + "/lift", Map.of()).status()).isEqualTo(200);
		Eventually.until(() -> "A serves " + address + " again",
				() -> onA(address).get("/api/v1/maintenance").status() == 200, WAIT);
	}

	private static ApiClient onA(String address) {
		return new ApiClient(cluster.portA()).withHeader("X-Forwarded-For", address);
	}

	private static ApiClient onB(String address) {
		return new ApiClient(cluster.portB()).withHeader("X-Forwarded-For", address);
	}

	private static ApiClient admin() {
		ApiClient admin = new ApiClient(cluster.portA());
		assertThat(admin.login(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD).status()).isEqualTo(200);
		return admin;
	}

}
