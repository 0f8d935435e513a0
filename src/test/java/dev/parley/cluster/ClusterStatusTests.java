package dev.parley.cluster;

import java.time.Instant;
import java.util.List;

import dev.parley.operations.internal.alerts.MonitoringJob;
import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status figures of a cluster ({@link TwoNodes}): every node writes its own minute,
 * the cluster's own figures are written once, and either node shows both nodes, each on
 * its own and the cluster as a whole.
 */
@Timeout(120)
class ClusterStatusTests {

	@RegisterExtension
	static final TwoNodes.Extension cluster = new TwoNodes.Extension();

	@Test
	void everyNodeReportsAndEitherShowsThemAll() {
		Instant now = Instant.now();
		cluster.beanOfA(MonitoringJob.class).run(now);
		cluster.beanOfB(MonitoringJob.class).run(now);
		ApiClient adminOnA = admin(cluster.portA());
		ApiClient adminOnB = admin(cluster.portB());
		String nodeA = adminOnA.get("/api/v1/operations/nodes").json().path("thisNode").asString();
		String nodeB = adminOnB.get("/api/v1/operations/nodes").json().path("thisNode").asString();

		JsonNode status = adminOnB.get("/api/v1/operations/status?range=1h&metrics=system.cpu&metrics=queue.waiting")
			.json();
		assertThat(status.path("nodes").findValuesAsString("id")).contains(nodeA, nodeB);
		List<String> cpuNodes = status.path("latest")
			.valueStream()
			.filter((value) -> value.path("metric").asString().equals("system.cpu"))
			.map((value) -> value.path("node").isNull() ? "cluster" : value.path("node").asString())
			.toList();
		assertThat(cpuNodes).contains(nodeA, nodeB, "cluster");
		long queueRows = status.path("latest")
			.valueStream()
			.filter((value) -> value.path("metric").asString().equals("queue.waiting")
					&& value.path("dim").asString().equals("all"))
			.count();
		assertThat(queueRows).as("the cluster's own figure, written once").isEqualTo(1);

		JsonNode onlyA = adminOnB.get("/api/v1/operations/status?range=1h&metrics=system.cpu&node=" + nodeA).json();
		assertThat(onlyA.path("series").get(0).path("node").asString()).isEqualTo(nodeA);
		assertThat(onlyA.path("series").get(0).path("points").size()).isPositive();
	}

	private static ApiClient admin(int port) {
		ApiClient admin = new ApiClient(port);
		assertThat(admin.login(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD).status()).isEqualTo(200);
		return admin;
	}

}
