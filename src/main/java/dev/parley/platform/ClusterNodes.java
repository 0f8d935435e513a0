package dev.parley.platform;

import java.time.Instant;
import java.util.List;

/**
 * The nodes of the installation as the database knows them: every node records itself at
 * start-up and heartbeats every {@code parley.cluster.heartbeat-interval}; a node is
 * alive while it was seen within three intervals. A single embedded installation is a
 * cluster of one.
 */
public interface ClusterNodes {

	/**
	 * @return this node, as last recorded
	 */
	Node thisNode();

	/**
	 * @return this node's id, without asking the database (made at start-up)
	 */
	default String thisNodeId() {
		return thisNode().id();
	}

	/**
	 * @return the alive nodes, this one included, oldest first
	 */
	List<Node> alive();

	/**
	 * @return every node seen within the last day, alive or gone, oldest first
	 */
	List<Node> recent();

	/**
	 * One node.
	 *
	 * @param id made at start-up, new on every start
	 * @param host the machine's host name
	 * @param version Parley's version (build information)
	 * @param startedAt when the node started
	 * @param lastSeen its last heartbeat
	 * @param alive whether it heartbeats
	 */
	record Node(String id, String host, String version, Instant startedAt, Instant lastSeen, boolean alive) {
	}

}
