package dev.parley.platform.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import dev.parley.platform.RateLimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the request rate limits (docs/configuration.md), checked at start-up: an
 * unknown limit name, a capacity below 1 or a period that is not positive stop the node
 * with a message naming the property.
 *
 * @param enabled whether limits are applied at all
 * @param policies per limit name ({@link RateLimit#key()}) its capacity and period, where
 * they differ from the defaults
 * @param localKeys on a single node, how many keys' buckets are kept in memory at most
 * (the least recently used go first; a bucket is forgotten anyway once it would be full
 * again)
 * @param redisTimeout in a cluster, how long a request waits for Redis before it is let
 * through unlimited
 * @param redisPrefix in a cluster, the prefix of the buckets' keys in Redis
 */
@ConfigurationProperties("parley.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Map<String, Budget> policies,
		@DefaultValue("100000") int localKeys, @DefaultValue("250ms") Duration redisTimeout,
		@DefaultValue("parley:rate-limit:") String redisPrefix) {

	static final String PREFIX = "parley.rate-limits.policies.";

	/**
	 * @param capacity requests allowed at once, or null for the default
	 * @param period time in which a spent capacity is refilled (evenly), or null for the
	 * default
	 */
	record Budget(Long capacity, Duration period) {
	}

	/** A limit's capacity and period in force. */
	record Limit(long capacity, Duration period) {
	}

	RateLimitProperties {
		policies = (policies != null) ? Map.copyOf(policies) : Map.of();
		for (Map.Entry<String, Budget> entry : policies.entrySet()) {
			String name = entry.getKey();
			if (RateLimit.ofKey(name) == null) {
				throw new IllegalArgumentException(PREFIX + name + " names no rate limit; known limits are "
						+ java.util.Arrays.stream(RateLimit.values()).map(RateLimit::key).toList());
			}
			Budget budget = entry.getValue();
			if (budget != null && budget.capacity() != null && budget.capacity() < 1) {
				throw new IllegalArgumentException(
						PREFIX + name + ".capacity must be at least 1, but is " + budget.capacity());
			}
			if (budget != null && budget.period() != null
					&& (budget.period().isNegative() || budget.period().isZero())) {
				throw new IllegalArgumentException(
						PREFIX + name + ".period must be longer than zero, but is " + budget.period());
			}
		}
		if (localKeys < 1) {
			throw new IllegalArgumentException("parley.rate-limits.local-keys must be at least 1, but is " + localKeys);
		}
		if (redisTimeout == null || redisTimeout.isNegative() || redisTimeout.isZero()) {
			throw new IllegalArgumentException(
					"parley.rate-limits.redis-timeout must be longer than zero, but is " + redisTimeout);
		}
	}

	/** Every limit with its capacity and period in force. */
	Map<RateLimit, Limit> limits() {
		Map<RateLimit, Limit> limits = new EnumMap<>(RateLimit.class);
		for (RateLimit limit : RateLimit.values()) {
			Budget budget = this.policies.get(limit.key());
			long capacity = (budget != null && budget.capacity() != null) ? budget.capacity() : limit.defaultCapacity();
			Duration period = (budget != null && budget.period() != null) ? budget.period() : limit.defaultPeriod();
			limits.put(limit, new Limit(capacity, period));
		}
		return limits;
	}

}
