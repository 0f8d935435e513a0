package dev.parley.operations.internal.monitoring;

import java.time.Instant;
import java.util.List;

import dev.parley.platform.ClusterNodes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node is gone when it stopped heartbeating without stopping cleanly, unless it was
 * started again on its machine since (it comes back under a new id).
 */
class NodesGoneTests {

	private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	@Test
	void aCrashedNodeIsGoneUntilItsMachineStartsParleyAgain() {
		ClusterNodes.Node crashed = node("a-1", "app-1", NOW.minusSeconds(3600), NOW.minusSeconds(600), false);
		ClusterNodes.Node other = node("b-1", "app-2", NOW.minusSeconds(7200), NOW, true);
		assertThat(gone(crashed, other)).isEqualTo(1);
		ClusterNodes.Node restarted = node("a-2", "app-1", NOW.minusSeconds(300), NOW, true);
		assertThat(gone(crashed, other, restarted)).isZero();
		ClusterNodes.Node olderOnTheSameMachine = node("a-0", "app-1", NOW.minusSeconds(90_000), NOW, true);
		assertThat(gone(crashed, other, olderOnTheSameMachine)).as("alive since before the crash").isEqualTo(1);
		assertThat(gone(other)).isZero();
	}

	private static double gone(ClusterNodes.Node... nodes) {
		ClusterNodes cluster = new ClusterNodes() {

			@Override
			public Node thisNode() {
				return nodes[0];
			}

			@Override
			public List<Node> alive() {
				return List.of(nodes).stream().filter(Node::alive).toList();
			}

			@Override
			public List<Node> recent() {
				return List.of(nodes);
			}

		};
		return new ClusterReadings(null, null, null, cluster).nodesGone();
	}

	private static ClusterNodes.Node node(String id, String host, Instant started, Instant seen, boolean alive) {
		return new ClusterNodes.Node(id, host, "1.0", started, seen, alive);
	}

}
