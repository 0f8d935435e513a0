package dev.parley.operations.web;

import java.time.Instant;
import java.util.List;

import dev.parley.platform.ClusterNodes;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The nodes of the installation with their versions, for the console's System screen:
 * alive nodes running different versions are normal only during a rolling upgrade.
 */
@RestController
@RequiresPermission(Permission.SYSTEM_UPGRADE)
class NodesController {

	private final ClusterNodes nodes;

	NodesController(ClusterNodes nodes) {
		this.nodes = nodes;
	}

	@GetMapping("/api/v1/operations/nodes")
	NodesView nodes() {
		List<NodeView> recent = this.nodes.recent().stream().map(NodeView::of).toList();
		long versions = recent.stream().filter(NodeView::alive).map(NodeView::version).distinct().count();
		return new NodesView(this.nodes.thisNode().id(), versions > 1, recent);
	}

	/**
	 * @param thisNode the node that answered
	 * @param mixedVersions whether alive nodes run different versions
	 * @param nodes every node seen within a day, oldest first
	 */
	record NodesView(String thisNode, boolean mixedVersions, List<NodeView> nodes) {
	}

	record NodeView(String id, String host, String version, Instant startedAt, Instant lastSeen, boolean alive) {

		static NodeView of(ClusterNodes.Node node) {
			return new NodeView(node.id(), node.host(), node.version(), node.startedAt(), node.lastSeen(),
					node.alive());
		}

	}

}
