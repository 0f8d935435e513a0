package dev.parley.platform.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * The buckets of a single node, in memory: at most {@code maxKeys} of them, each
 * forgotten once it has not been used for the longest refill period (it would be full
 * again by then, the same as a new one).
 */
final class LocalBuckets implements BucketStore {

	private final Cache<String, Bucket> buckets;

	private final TimeMeter time;

	LocalBuckets(int maxKeys, Duration forgetAfter, TimeMeter time) {
		this.time = time;
		this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(forgetAfter).build();
	}

	@Override
	public long consume(String key, BucketConfiguration configuration) {
		Bucket bucket = this.buckets.get(key, (name) -> {
			LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(this.time);
			for (Bandwidth bandwidth : configuration.getBandwidths()) {
				builder.addLimit(bandwidth);
			}
			return builder.build();
		});
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
	}

}
