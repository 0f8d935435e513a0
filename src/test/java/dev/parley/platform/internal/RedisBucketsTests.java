package dev.parley.platform.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits fail open: while Redis cannot be reached, every request passes (and nothing
 * throws), instead of chat stopping with the store of the limits.
 */
class RedisBucketsTests {

	@Test
	void requestsPassWhileRedisCannotBeReached() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", closedPort));
		factory.afterPropertiesSet();
		factory.start();
		RedisBuckets buckets = new RedisBuckets(factory, Duration.ofMillis(200), "test:",
				TokenBuckets.timeOf(Clock.systemUTC()));
		BucketConfiguration oneRequest = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(1).refillGreedy(1, Duration.ofHours(1)))
			.build();
		try {
			for (int i = 0; i < 3; i++) {
				assertThat(buckets.consume("sign-in:address:192.0.2.1", oneRequest)).isZero();
			}
		}
		finally {
			buckets.destroy();
			factory.destroy();
		}
	}

}
