package dev.parley.platform.internal;

import java.time.Clock;
import java.util.Map;

import dev.parley.platform.ApiException;
import dev.parley.platform.ClientAddress;
import dev.parley.platform.RateLimit;
import dev.parley.platform.RateLimits;
import dev.parley.platform.RefusedRequests;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;

/**
 * The rate limits as token buckets (Bucket4j): one bucket per limit and key, in the
 * {@link BucketStore} of the node or cluster, timed by the application's {@link Clock}. A
 * refusal tells every {@link RefusedRequests} (looked up at the refusal, so that one may
 * itself use the rate limits).
 */
class TokenBuckets implements RateLimits {

	private static final Logger log = LoggerFactory.getLogger(TokenBuckets.class);

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final BucketStore store;

	private final Map<RateLimit, BucketConfiguration> configurations = new java.util.EnumMap<>(RateLimit.class);

	private final boolean enabled;

	private final ObjectProvider<RefusedRequests> refusals;

	TokenBuckets(RateLimitProperties properties, BucketStore store, ObjectProvider<RefusedRequests> refusals) {
		this.store = store;
		this.enabled = properties.enabled();
		this.refusals = refusals;
		properties.limits()
			.forEach((limit, budget) -> this.configurations.put(limit,
					BucketConfiguration.builder()
						.addLimit((bandwidth) -> bandwidth.capacity(budget.capacity())
							.refillGreedy(budget.capacity(), budget.period()))
						.build()));
	}

	/** Bucket4j's time from the application's clock, so that tests can move it. */
	static TimeMeter timeOf(Clock clock) {
		return new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				java.time.Instant now = clock.instant();
				return Math.addExact(Math.multiplyExact(now.getEpochSecond(), NANOS_PER_SECOND), now.getNano());
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
	}

	@Override
	public void check(RateLimit limit, String key) {
		long seconds = secondsToWait(limit, key);
		if (seconds > 0) {
			throw refusal(limit, seconds);
		}
	}

	/**
	 * Spends one request of the key's budget.
	 * @return 0 when it was there, else the whole seconds until it is again (and every
	 * {@link RefusedRequests} has been told)
	 */
	long secondsToWait(RateLimit limit, String key) {
		if (!this.enabled || key == null || key.isBlank()) {
			return 0;
		}
		long nanos = this.store.consume(limit.key() + ":" + key, this.configurations.get(limit));
		if (nanos <= 0) {
			return 0;
		}
		String address = ClientAddress.current();
		for (RefusedRequests refused : this.refusals.orderedStream().toList()) {
			try {
				refused.refused(limit, address);
			}
			catch (RuntimeException ex) {
				log.warn("{} failed on a refused request", refused.getClass().getName(), ex);
			}
		}
		return Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
	}

	static ApiException refusal(RateLimit limit, long seconds) {
		return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
				"Too many attempts; try again in " + seconds + " seconds")
			.with("limit", limit.key())
			.with("retryAfterSeconds", seconds);
	}

}
