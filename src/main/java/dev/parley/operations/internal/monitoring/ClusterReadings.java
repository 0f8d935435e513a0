package dev.parley.operations.internal.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.parley.conversations.ConversationQueue;
import dev.parley.operations.internal.backup.BackupHealth;
import dev.parley.platform.ClusterNodes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The installation's figures for a minute, read once for the whole cluster: the queues
 * (per group, "none" for conversations in no group, and "all"), the notification outbox
 * and the module events waiting for their listeners, the last backup and the nodes that
 * stopped heartbeating without stopping cleanly.
 */
@Component
class ClusterReadings {

	static final String ALL = "all";

	private final ConversationQueue queue;

	private final MeterRegistry registry;

	private final BackupHealth backups;

	private final ClusterNodes nodes;

	ClusterReadings(ConversationQueue queue, MeterRegistry registry, BackupHealth backups, ClusterNodes nodes) {
		this.queue = queue;
		this.registry = registry;
		this.backups = backups;
		this.nodes = nodes;
	}

	List<Sample> read(Instant now) {
		List<Sample> samples = new ArrayList<>();
		int waiting = 0;
		double longest = 0;
		for (ConversationQueue.QueueStats stats : this.queue.queueStats()) {
			String group = (stats.groupId() != null) ? stats.groupId().toString() : "none";
			double wait = (stats.longestWaitingSince() != null)
					? Math.max(0, Duration.between(stats.longestWaitingSince(), now).toSeconds()) : 0;
			samples.add(Sample.of(Metric.QUEUE_WAITING, group, stats.waiting()));
			samples.add(Sample.of(Metric.QUEUE_LONGEST_WAIT, group, wait));
			waiting += stats.waiting();
			longest = Math.max(longest, wait);
		}
		samples.add(Sample.of(Metric.QUEUE_WAITING, ALL, waiting));
		samples.add(Sample.of(Metric.QUEUE_LONGEST_WAIT, ALL, longest));
		gauge("parley.notifications.backlog", samples, Metric.OUTBOX_BACKLOG);
		gauge("parley.notifications.oldest.age", samples, Metric.OUTBOX_OLDEST_AGE);
		gauge("parley.events.publications.incomplete", samples, Metric.EVENTS_BACKLOG);
		gauge("parley.events.publications.oldest.age", samples, Metric.EVENTS_OLDEST_AGE);
		samples.add(Sample.of(Metric.BACKUP_FAILED, backupFailed()));
		samples.add(Sample.of(Metric.NODES_GONE, nodesGone()));
		return samples;
	}

	/** 1 when the last backup failed or failed its verification, else 0. */
	double backupFailed() {
		return this.backups.lastFailed() ? 1 : 0;
	}

	/**
	 * Nodes that stopped heartbeating without stopping cleanly (a node that stops removes
	 * itself) and were not started again on their machine since: a restarted node comes
	 * back under a new id, and the old one is no longer missing.
	 */
	double nodesGone() {
		List<ClusterNodes.Node> recent = this.nodes.recent();
		return recent.stream()
			.filter((node) -> !node.alive())
			.filter((gone) -> recent.stream()
				.noneMatch((other) -> other.alive() && other.host().equals(gone.host())
						&& !other.startedAt().isBefore(gone.lastSeen().minusSeconds(60))))
			.count();
	}

	/** Conversations waiting in every queue, and the longest wait in seconds. */
	double[] queueTotals(Instant now) {
		int waiting = 0;
		double longest = 0;
		for (ConversationQueue.QueueStats stats : this.queue.queueStats()) {
			waiting += stats.waiting();
			if (stats.longestWaitingSince() != null) {
				longest = Math.max(longest, Duration.between(stats.longestWaitingSince(), now).toSeconds());
			}
		}
		return new double[] { waiting, longest };
	}

	private void gauge(String name, List<Sample> samples, Metric metric) {
		Gauge gauge = this.registry.find(name).gauge();
		if (gauge != null && Double.isFinite(gauge.value())) {
			samples.add(Sample.of(metric, gauge.value()));
		}
	}

}
