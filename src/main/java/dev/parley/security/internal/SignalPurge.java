package dev.parley.security.internal;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets counts of windows no longer looked at, hourly (on every node: deleting what is
 * gone already is harmless).
 */
@Component
class SignalPurge {

	private final SignalCounts counts;

	private final AutoBlockProperties properties;

	private final Clock clock;

	SignalPurge(SignalCounts counts, AutoBlockProperties properties, Clock clock) {
		this.counts = counts;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void purge() {
		this.counts.purge(this.clock.instant().minus(this.properties.window().multipliedBy(3)));
	}

}
