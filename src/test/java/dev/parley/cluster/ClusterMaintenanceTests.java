package dev.parley.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Maintenance mode across the nodes of a cluster ({@link TwoNodes}): entered on node A,
 * it returns only once node B has confirmed, so B refuses writes from then on; ended on
 * node B, node A accepts writes again within a second.
 */
@Timeout(120)
class ClusterMaintenanceTests {

	@RegisterExtension
	static final TwoNodes.Extension cluster = new TwoNodes.Extension();

	private static final String SWITCH = "/api/v1/operations/maintenance";

	@Test
	void maintenanceEnteredOnOneNodeHoldsOnTheOtherAtOnce() {
		ApiClient adminOnA = admin(cluster.portA());
		ApiClient adminOnB = admin(cluster.portB());
		JsonNode nodes = adminOnA.get("/api/v1/operations/nodes").json();
		assertThat(nodes.path("nodes").findValues("alive").stream().filter(JsonNode::asBoolean).count())
			.as(nodes.toString())
			.isGreaterThanOrEqualTo(2);
		try {
			ApiClient.Response entered = adminOnA.post(SWITCH, Map.of("message", "Cluster test"));
			assertThat(entered.status()).as(entered.toString()).isEqualTo(201);

			// enter() returned: node B has confirmed, so it refuses at once
			ApiClient.Response refused = adminOnB.post("/api/v1/channels", channel());
			assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
			assertThat(refused.code()).isEqualTo("maintenance");
			assertThat(refused.header("Retry-After")).isNotNull();
			assertThat(new ApiClient(cluster.portB()).get("/api/v1/maintenance").json().path("message").asString())
				.isEqualTo("Cluster test");

			ApiClient.Response ended = adminOnB.delete(SWITCH);
			assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
			Eventually.until(() -> "node A accepts writes again",
					() -> !new ApiClient(cluster.portA()).get("/api/v1/maintenance").json().path("active").asBoolean(),
					Duration.ofSeconds(1));
			ApiClient.Response accepted = adminOnA.post("/api/v1/channels", channel());
			assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
		}
		finally {
			adminOnA.delete(SWITCH + "?force=true");
		}
	}

	private static Map<String, Object> channel() {
		return Map.of("kind", "website", "name", "Maintenance " + UUID.randomUUID(), "allowedOrigins", List.of("*"));
	}

	private static ApiClient admin(int port) {
		ApiClient admin = new ApiClient(port);
		assertThat(admin.login(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD).status()).isEqualTo(200);
		return admin;
	}

}
