package dev.parley.operations.internal.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.parley.operations.internal.monitoring.Sampler;
import dev.parley.platform.Leases;
import dev.parley.platform.RunsDuringMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a minute on every node: this node's samples; then, on the one node that holds the
 * lease, the cluster's samples, the alert rules, and (once an hour) the thinning of old
 * samples. Runs during maintenance too: that is when watching matters most.
 */
@Component
public class MonitoringJob {

	private static final Logger logger = LoggerFactory.getLogger(MonitoringJob.class);

	static final String LEASE = "monitoring";

	private final Sampler sampler;

	private final AlertEvaluator evaluator;

	private final Leases leases;

	private final Clock clock;

	private volatile Instant lastThinned = Instant.EPOCH;

	MonitoringJob(Sampler sampler, AlertEvaluator evaluator, Leases leases, Clock clock) {
		this.sampler = sampler;
		this.evaluator = evaluator;
		this.leases = leases;
		this.clock = clock;
	}

	@Scheduled(fixedRateString = "${parley.monitoring.sample-interval:60s}",
			initialDelayString = "${parley.monitoring.sample-interval:60s}")
	@RunsDuringMaintenance
	void scheduled() {
		try {
			run(this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.warn("Sampling the status figures failed; trying again next minute: {}", ex.toString());
		}
	}

	/** One minute's work at the given time. */
	public void run(Instant now) {
		this.sampler.sampleNode(now);
		this.leases.runExclusively(LEASE, Duration.ofSeconds(50), () -> {
			this.sampler.sampleCluster(now);
			this.evaluator.evaluate(now);
			if (Duration.between(this.lastThinned, now).abs().compareTo(Duration.ofHours(1)) >= 0) {
				this.sampler.thin(now);
				this.lastThinned = now;
			}
		});
	}

}
