package dev.parley.platform.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The node registry.
 *
 * @param heartbeatInterval how often a node records that it lives; a node unseen for
 * three intervals counts as gone
 */
@ConfigurationProperties("parley.cluster")
record ClusterProperties(@DefaultValue("10s") Duration heartbeatInterval) {

	ClusterProperties {
		if (heartbeatInterval.compareTo(Duration.ofMillis(100)) < 0
				|| heartbeatInterval.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException("parley.cluster.heartbeat-interval must be between 100ms and 10m");
		}
	}

	/**
	 * @return how long a node may stay unseen and still count as alive
	 */
	Duration aliveWithin() {
		return this.heartbeatInterval.multipliedBy(3);
	}

}
