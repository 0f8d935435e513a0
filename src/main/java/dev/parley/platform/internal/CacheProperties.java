package dev.parley.platform.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The caches of settings and shift plans.
 *
 * @param timeToLive how long a cached value is used at most: the safety net for an
 * invalidation that never reached this node (a change is otherwise seen at once on every
 * node); {@code 0} reads the database every time
 */
@ConfigurationProperties("parley.cache")
record CacheProperties(@DefaultValue("60s") Duration timeToLive) {

	CacheProperties {
		if (timeToLive.isNegative() || timeToLive.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException("parley.cache.time-to-live must be between 0 and 1h, not " + timeToLive);
		}
	}

}
