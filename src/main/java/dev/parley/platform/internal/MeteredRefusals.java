package dev.parley.platform.internal;

import dev.parley.platform.RateLimit;
import dev.parley.platform.RefusedRequests;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts refused requests in {@code parley.rate_limit.refused}, tagged with the
 * {@code policy} (the limit's name, docs/metrics.md): a steady count is a limit set too
 * low, a burst an attack.
 */
@Component
class MeteredRefusals implements RefusedRequests {

	private final java.util.Map<RateLimit, Counter> counters = new java.util.EnumMap<>(RateLimit.class);

	MeteredRefusals(MeterRegistry registry) {
		for (RateLimit limit : RateLimit.values()) {
			this.counters.put(limit,
					Counter.builder("parley.rate_limit.refused")
						.description("Requests refused by a rate limit")
						.tag("policy", limit.key())
						.register(registry));
		}
	}

	@Override
	public void refused(RateLimit limit, String clientAddress) {
		this.counters.get(limit).increment();
	}

}
