package dev.parley.platform.internal;

import io.github.bucket4j.BucketConfiguration;

/**
 * Where the token buckets of the rate limits live: in this node's memory
 * ({@link LocalBuckets}) or in Redis for every node of a cluster ({@link RedisBuckets}).
 */
interface BucketStore {

	/**
	 * Takes one token from the key's bucket, making it with the configuration if there is
	 * none.
	 * @return 0 when taken, else the nanoseconds until a token is there again
	 */
	long consume(String key, BucketConfiguration configuration);

}
