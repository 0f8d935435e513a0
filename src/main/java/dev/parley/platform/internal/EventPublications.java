package dev.parley.platform.internal;

import java.time.Duration;

import dev.parley.platform.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks after the event publication registry (docs/events.md, docs/decisions/0005): every
 * module event is stored with its listener in the publishing transaction, and one that
 * its listener has not completed is delivered again.
 * <ul>
 * <li>A publication that failed, or was not completed within
 * {@code parley.events.stale-after} (its node crashed or stopped, or its listener hangs;
 * Modulith's staleness check marks it failed), is resubmitted every
 * {@code parley.events.resubmit-interval} and once at start-up. Resubmitting is a
 * compare-and-set on the publication's status, so of several nodes only one takes
 * it.</li>
 * <li>On a single node nothing else can be working on an incomplete publication at
 * start-up, so every one left by a crash is resubmitted at once
 * ({@code parley.events.resubmit-incomplete-at-start}, off in the cluster profile).</li>
 * <li>Completed publications are deleted after {@code parley.events.retention}.</li>
 * </ul>
 */
@Component
class EventPublications {

	private static final Logger logger = LoggerFactory.getLogger(EventPublications.class);

	static final String LEASE = "event-publication-resubmission";

	/** Far longer than claiming a batch of publications takes. */
	private static final Duration LEASE_DURATION = Duration.ofMinutes(1);

	private final FailedEventPublications failed;

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final boolean singleNode;

	private final Duration retention;

	private final Leases leases;

	EventPublications(FailedEventPublications failed, IncompleteEventPublications incomplete,
			CompletedEventPublications completed, Leases leases,
			@Value("${parley.events.resubmit-incomplete-at-start:true}") boolean singleNode,
			@Value("${parley.events.retention:7d}") Duration retention) {
		this.leases = leases;
		this.failed = failed;
		this.incomplete = incomplete;
		this.completed = completed;
		this.singleNode = singleNode;
		this.retention = retention;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		if (this.singleNode) {
			this.incomplete.resubmitIncompletePublications((publication) -> true);
		}
		resubmitFailed();
	}

	@Scheduled(fixedDelayString = "${parley.events.resubmit-interval:30s}",
			initialDelayString = "${parley.events.resubmit-interval:30s}")
	void resubmitFailed() {
		try {
			this.leases.runExclusively(LEASE, LEASE_DURATION,
					() -> this.failed.resubmit(ResubmissionOptions.defaults()));
		}
		catch (RuntimeException ex) {
			logger.warn("Resubmitting failed event publications failed; retrying on the next run", ex);
		}
	}

	@Scheduled(fixedDelayString = "${parley.events.purge-interval:1h}", initialDelayString = "1m")
	void purgeCompleted() {
		try {
			this.completed.deletePublicationsOlderThan(this.retention);
		}
		catch (RuntimeException ex) {
			logger.warn("Purging completed event publications failed; retrying on the next run", ex);
		}
	}

}
