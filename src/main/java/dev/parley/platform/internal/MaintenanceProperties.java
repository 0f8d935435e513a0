package dev.parley.platform.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Maintenance mode.
 *
 * @param quiesceTimeout how long entering maintenance waits for every alive node to
 * confirm that it is quiet before it gives up (and ends the maintenance again)
 * @param refreshInterval how often each node re-reads the state, in case the event bus
 * lost the news
 */
@ConfigurationProperties("parley.maintenance")
record MaintenanceProperties(@DefaultValue("30s") Duration quiesceTimeout,
		@DefaultValue("1s") Duration refreshInterval) {

	MaintenanceProperties {
		if (quiesceTimeout.isNegative() || quiesceTimeout.isZero() || refreshInterval.toMillis() < 50) {
			throw new IllegalArgumentException(
					"parley.maintenance.quiesce-timeout must be positive and refresh-interval at least 50ms");
		}
	}

}
