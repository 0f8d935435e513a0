package dev.parley.operations.internal;

import java.util.List;
import java.util.stream.Collectors;

import dev.parley.operations.SelfCheck;
import dev.parley.operations.SelfCheckContext;
import dev.parley.operations.SelfCheckResult;
import dev.parley.platform.ClusterNodes;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The nodes this node sees through the database's node registry: itself among them (its
 * heartbeat is written), how many are alive, and whether they run the same version (only
 * right during a rolling upgrade).
 */
@Component
@Order(75)
class ClusterPeersCheck implements SelfCheck {

	private final ClusterNodes nodes;

	ClusterPeersCheck(ClusterNodes nodes) {
		this.nodes = nodes;
	}

	@Override
	public String key() {
		return "cluster-peers";
	}

	@Override
	public SelfCheckResult run(SelfCheckContext context) {
		List<ClusterNodes.Node> alive = this.nodes.alive();
		ClusterNodes.Node self = this.nodes.thisNode();
		if (alive.stream().noneMatch((node) -> node.id().equals(self.id()))) {
			return SelfCheckResult.failed("selfCheck.cluster-peers.notRecorded", "node", self.host())
				.withFix("selfCheck.cluster-peers.fixNotRecorded");
		}
		String hosts = alive.stream()
			.map((node) -> node.host() + " (" + node.version() + ")")
			.collect(Collectors.joining(", "));
		long versions = alive.stream().map(ClusterNodes.Node::version).distinct().count();
		if (versions > 1) {
			return SelfCheckResult.warning("selfCheck.cluster-peers.mixed", "count", alive.size(), "nodes", hosts)
				.withFix("selfCheck.cluster-peers.fixMixed");
		}
		if (alive.size() == 1) {
			return SelfCheckResult.ok("selfCheck.cluster-peers.alone", "nodes", hosts);
		}
		return SelfCheckResult.ok("selfCheck.cluster-peers.seen", "count", alive.size(), "nodes", hosts);
	}

}
