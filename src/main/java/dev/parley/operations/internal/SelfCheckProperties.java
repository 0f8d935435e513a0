package dev.parley.operations.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The self-check page ({@code parley.self-check.*}).
 *
 * @param timeout how long one check may take before it is reported as failed
 */
@ConfigurationProperties("parley.self-check")
public record SelfCheckProperties(@DefaultValue("10s") Duration timeout) {

	public SelfCheckProperties {
		if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
			throw new IllegalArgumentException("parley.self-check.timeout must be between 1 ms and 5 minutes");
		}
	}

}
