package dev.parley.operations.internal.monitoring;

import java.time.Duration;
import java.time.Instant;

import dev.parley.platform.ClusterNodes;

import org.springframework.stereotype.Component;

/**
 * Writes the minute's samples: this node's own (every node does), and the cluster's (the
 * node that evaluates the alerts does); folds minutes older than 7 days into 15-minute
 * slots kept for 90 days.
 */
@Component
public class Sampler {

	/** Minutes kept as they are. */
	public static final Duration MINUTES_KEPT = Duration.ofDays(7);

	/** 15-minute slots kept. */
	public static final Duration SLOTS_KEPT = Duration.ofDays(90);

	/** The node name of the cluster's own figures. */
	public static final String CLUSTER = "";

	private final NodeReadings node;

	private final ClusterReadings cluster;

	private final SampleRepository samples;

	private final ClusterNodes nodes;

	Sampler(NodeReadings node, ClusterReadings cluster, SampleRepository samples, ClusterNodes nodes) {
		this.node = node;
		this.cluster = cluster;
		this.samples = samples;
		this.nodes = nodes;
	}

	/** Writes this node's figures for the minute of the given time. */
	public void sampleNode(Instant now) {
		long minute = minute(now);
		ClusterNodes.Node self = this.nodes.thisNode();
		this.samples.write(self.id(), minute, this.node.read(now));
		this.samples.seen(self.id(), self.host(), minute);
	}

	/** Writes the cluster's figures for the minute of the given time. */
	public void sampleCluster(Instant now) {
		this.samples.write(CLUSTER, minute(now), this.cluster.read(now));
	}

	/**
	 * Folds old minutes into slots and forgets old slots.
	 * @return minute rows folded
	 */
	public int thin(Instant now) {
		long keepFrom = minute(now.minus(MINUTES_KEPT));
		keepFrom -= Math.floorMod(keepFrom, SampleRepository.SLOT_MINUTES);
		return this.samples.thin(keepFrom, minute(now.minus(SLOTS_KEPT)));
	}

	public static long minute(Instant at) {
		return Math.floorDiv(at.toEpochMilli(), 60_000L);
	}

}
