package dev.parley.platform.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.parley.platform.ClusterNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node in {@code cluster_node}: recorded at start, stamped every heartbeat interval
 * on a thread of its own (so a long job on the scheduler never makes a node look gone),
 * removed when it stops. Liveness is measured on the wall clock of the system, not the
 * application's clock: it is elapsed real time, compared across nodes.
 */
@Component
class NodeRegistry implements ClusterNodes, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(NodeRegistry.class);

	static final Duration FORGET_AFTER = Duration.ofDays(1);

	private final Clock wallClock = Clock.systemUTC();

	private final String id = UUID.randomUUID().toString();

	private final String host;

	private final String version;

	private final Instant startedAt = this.wallClock.instant();

	private final ClusterNodeRepository nodes;

	private final ClusterProperties properties;

	private volatile ScheduledExecutorService heartbeats;

	NodeRegistry(ClusterNodeRepository nodes, ClusterProperties properties, ObjectProvider<BuildProperties> build) {
		this.nodes = nodes;
		this.properties = properties;
		BuildProperties info = build.getIfAvailable();
		this.version = (info != null && info.getVersion() != null) ? info.getVersion() : "unknown";
		this.host = hostName();
	}

	String id() {
		return this.id;
	}

	@Override
	public String thisNodeId() {
		return this.id;
	}

	@Override
	public Node thisNode() {
		return this.nodes.find(this.id)
			.map(this::node)
			.orElseGet(() -> new Node(this.id, this.host, this.version, this.startedAt, this.startedAt, true));
	}

	@Override
	public List<Node> alive() {
		return this.nodes.seenSince(aliveSince()).stream().map(this::node).toList();
	}

	@Override
	public List<Node> recent() {
		return this.nodes.seenSince(this.wallClock.instant().minus(FORGET_AFTER)).stream().map(this::node).toList();
	}

	/**
	 * @return the ids of the nodes alive now, this one always among them
	 */
	List<ClusterNodeRepository.NodeRow> aliveRows() {
		return this.nodes.seenSince(aliveSince());
	}

	private Instant aliveSince() {
		return this.wallClock.instant().minus(this.properties.aliveWithin());
	}

	private Node node(ClusterNodeRepository.NodeRow row) {
		return new Node(row.id(), row.host(), row.version(), row.startedAt(), row.lastSeen(),
				!row.lastSeen().isBefore(aliveSince()));
	}

	/** Stamps this node and forgets nodes gone for a day. */
	void heartbeat() {
		Instant now = this.wallClock.instant();
		this.nodes.heartbeat(this.id, this.host, this.version, this.startedAt, now);
		int forgotten = this.nodes.forgetUnseenSince(now.minus(FORGET_AFTER));
		if (forgotten > 0) {
			logger.info("Forgot {} cluster node(s) unseen for a day", forgotten);
		}
	}

	@Override
	public void start() {
		heartbeat();
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "parley-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.properties.heartbeatInterval().toMillis();
		executor.scheduleWithFixedDelay(() -> {
			try {
				heartbeat();
			}
			catch (RuntimeException ex) {
				logger.warn("Heartbeat of this node failed: {}", ex.toString());
			}
		}, every, every, TimeUnit.MILLISECONDS);
		this.heartbeats = executor;
		logger.info("Cluster node {} ({}, version {}) started", this.id, this.host, this.version);
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.heartbeats;
		this.heartbeats = null;
		if (executor != null) {
			executor.shutdownNow();
			try {
				this.nodes.remove(this.id);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not remove this node's row on stopping", ex);
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.heartbeats != null;
	}

	/** Early in the start (before the web server), last to stop. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			String fromEnvironment = System.getenv("HOSTNAME");
			return (fromEnvironment != null) ? fromEnvironment : "unknown";
		}
	}

}
