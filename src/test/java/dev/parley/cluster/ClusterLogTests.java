package dev.parley.cluster;

import java.time.Duration;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log viewer of a cluster ({@link TwoNodes}): node A answers for node B's files by
 * asking B over RabbitMQ, and a query without a node reads both. (Both nodes run in one
 * JVM here and so write the same files; the node each line is labelled with is the node
 * that read it.)
 */
@Timeout(120)
class ClusterLogTests {

	@RegisterExtension
	static final TwoNodes.Extension cluster = new TwoNodes.Extension();

	@Test
	void theNodeTheConsoleTalksToAsksTheOthers() {
		ApiClient adminOnA = admin(cluster.portA());
		ApiClient adminOnB = admin(cluster.portB());
		String nodeA = adminOnA.get("/api/v1/operations/nodes").json().path("thisNode").asString();
		String nodeB = adminOnB.get("/api/v1/operations/nodes").json().path("thisNode").asString();
		assertThat(nodeA).isNotEqualTo(nodeB);
		String id = "cluster-logs-" + System.nanoTime();
		new ApiClient(cluster.portB()).withHeader("X-Request-Id", id).get("/api/v1/maintenance");

		JsonNode fromB = Eventually.within(Duration.ofSeconds(20), () -> {
			JsonNode result = adminOnA.get("/api/v1/operations/logs?correlationId=" + id + "&node=" + nodeB).json();
			assertThat(result.path("lines").size()).as(result.toString()).isPositive();
			return result;
		});
		assertThat(fromB.path("nodes").get(0).asString()).isEqualTo(nodeB);
		assertThat(fromB.path("lines").findValuesAsString("node")).containsOnly(nodeB);
		assertThat(fromB.path("complete").asBoolean()).isTrue();

		JsonNode both = adminOnA.get("/api/v1/operations/logs?correlationId=" + id).json();
		assertThat(both.path("nodes").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(nodeA, nodeB);
		assertThat(both.path("lines").findValuesAsString("node")).contains(nodeA, nodeB);
	}

	private static ApiClient admin(int port) {
		ApiClient admin = new ApiClient(port);
		assertThat(admin.login(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD).status()).isEqualTo(200);
		return admin;
	}

}
