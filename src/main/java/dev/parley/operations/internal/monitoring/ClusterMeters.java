package dev.parley.operations.internal.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * The installation's own figures as meters too, for Prometheus: the queues, the last
 * backup and the nodes gone. Every node answers the same (they are read from the
 * database), so a dashboard takes the maximum over instances. Read at most every 15
 * seconds however often they are scraped.
 */
@Component
class ClusterMeters implements MeterBinder {

	private static final Duration FRESH = Duration.ofSeconds(15);

	private final ClusterReadings readings;

	private final Clock clock;

	private volatile Snapshot last;

	ClusterMeters(ClusterReadings readings, Clock clock) {
		this.readings = readings;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("parley.queue.waiting", this, (meters) -> meters.snapshot().waiting())
			.description("Conversations waiting in every queue")
			.register(registry);
		Gauge.builder("parley.queue.longest.wait", this, (meters) -> meters.snapshot().longestWait())
			.description("The longest a waiting conversation has waited")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("parley.backup.failed", this, (meters) -> meters.snapshot().backupFailed())
			.description("1 when the last backup failed or failed its verification")
			.register(registry);
		Gauge.builder("parley.cluster.nodes.gone", this, (meters) -> meters.snapshot().nodesGone())
			.description("Nodes that stopped heartbeating without stopping cleanly and were not started again")
			.register(registry);
	}

	private Snapshot snapshot() {
		Instant now = this.clock.instant();
		Snapshot snapshot = this.last;
		if (snapshot == null || snapshot.readAt().plus(FRESH).isBefore(now) || snapshot.readAt().isAfter(now)) {
			double[] queue = this.readings.queueTotals(now);
			snapshot = new Snapshot(queue[0], queue[1], this.readings.backupFailed(), this.readings.nodesGone(), now);
			this.last = snapshot;
		}
		return snapshot;
	}

	private record Snapshot(double waiting, double longestWait, double backupFailed, double nodesGone, Instant readAt) {
	}

}
