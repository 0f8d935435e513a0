package dev.parley.platform.internal;

import java.time.Clock;
import java.time.Duration;

import dev.parley.platform.RefusedRequests;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The request rate limits (docs/security.md, "Rate limits"): their buckets in memory on a
 * single node, in Redis in a cluster; the filter that applies them to requests.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	TokenBuckets rateLimits(RateLimitProperties properties, BucketStore store,
			ObjectProvider<RefusedRequests> refusals) {
		return new TokenBuckets(properties, store, refusals);
	}

	/** Just after the security filters (whose order is {@code DEFAULT_FILTER_ORDER}). */
	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(TokenBuckets limits, ProblemWriter problems) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(limits, problems));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	@Bean
	@Profile("!cluster")
	BucketStore localBuckets(RateLimitProperties properties, Clock clock) {
		Duration longest = properties.limits()
			.values()
			.stream()
			.map(RateLimitProperties.Limit::period)
			.max(Duration::compareTo)
			.orElseThrow();
		return new LocalBuckets(properties.localKeys(), longest, TokenBuckets.timeOf(clock));
	}

	@Bean
	@Profile("cluster")
	BucketStore redisBuckets(RateLimitProperties properties, RedisConnectionFactory redis, Clock clock) {
		if (!(redis instanceof LettuceConnectionFactory lettuce)) {
			throw new IllegalStateException("Rate limits in a cluster need Lettuce as the Redis client");
		}
		return new RedisBuckets(lettuce, properties.redisTimeout(), properties.redisPrefix(),
				TokenBuckets.timeOf(clock));
	}

}
