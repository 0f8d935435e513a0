package dev.parley.platform.internal;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The buckets of a cluster, in Redis, so that every node spends one budget. Redis is a
 * help here, not a condition: while it cannot be reached (or answers slower than
 * {@code parley.rate-limits.redis-timeout}) requests are let through unlimited ("fail
 * open") rather than refused, so that chat goes on; a warning is logged at most once a
 * minute, and Redis is tried again after {@link #PAUSE} at the earliest, so that not
 * every request waits for the timeout meanwhile.
 * <p>
 * The connection is Lettuce's (the client of Spring Session's store), opened on first
 * use, so a node starts while Redis is away; once open, Lettuce reconnects by itself.
 */
final class RedisBuckets implements BucketStore, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);

	/** How long Redis is left alone after a failure. */
	static final Duration PAUSE = Duration.ofSeconds(2);

	private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

	private final LettuceConnectionFactory factory;

	private final Duration timeout;

	private final String prefix;

	private final TimeMeter time;

	private volatile StatefulRedisConnection<String, byte[]> connection;

	private volatile ProxyManager<String> buckets;

	private volatile long pausedUntil = System.nanoTime();

	private volatile long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

	RedisBuckets(LettuceConnectionFactory factory, Duration timeout, String prefix, TimeMeter time) {
		this.factory = factory;
		this.timeout = timeout;
		this.prefix = prefix;
		this.time = time;
	}

	@Override
	public long consume(String key, BucketConfiguration configuration) {
		if (System.nanoTime() - this.pausedUntil < 0) {
			return 0;
		}
		try {
			ProxyManager<String> proxies = proxies();
			ConsumptionProbe probe = proxies.builder()
				.build(this.prefix + key, () -> configuration)
				.tryConsumeAndReturnRemaining(1);
			return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
		}
		catch (RuntimeException ex) {
			this.pausedUntil = System.nanoTime() + PAUSE.toNanos();
			warn(ex);
			return 0;
		}
	}

	private ProxyManager<String> proxies() {
		ProxyManager<String> proxies = this.buckets;
		if (proxies != null) {
			return proxies;
		}
		synchronized (this) {
			if (this.buckets == null) {
				RedisClient client = (RedisClient) this.factory.getRequiredNativeClient();
				StatefulRedisConnection<String, byte[]> opened = client
					.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
				opened.setTimeout(this.timeout);
				this.connection = opened;
				this.buckets = Bucket4jLettuce.casBasedBuilder(opened)
					.clientClock(this.time)
					.expirationAfterWrite(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
					.build();
			}
			return this.buckets;
		}
	}

	private void warn(RuntimeException ex) {
		long now = System.nanoTime();
		if (now - this.lastWarning >= WARN_EVERY_NANOS) {
			this.lastWarning = now;
			log.warn("Rate limits are not applied for now: Redis cannot be reached ({}); requests are let through",
					ex.toString());
		}
	}

	@Override
	public void destroy() {
		StatefulRedisConnection<String, byte[]> opened = this.connection;
		if (opened != null) {
			opened.close();
		}
	}

}
