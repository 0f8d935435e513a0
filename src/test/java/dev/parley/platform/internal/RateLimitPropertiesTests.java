package dev.parley.platform.internal;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** A rate limit set up wrongly stops the start with a message naming the property. */
class RateLimitPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Limits.class);

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RateLimitProperties.class)
	static class Limits {

	}

	@Test
	void aZeroCapacityStopsTheStart() {
		this.runner.withPropertyValues("parley.rate-limits.policies.sign-in.capacity=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("parley.rate-limits.policies.sign-in.capacity must be at least 1, but is 0"));
	}

	@Test
	void aNegativeCapacityStopsTheStart() {
		this.runner.withPropertyValues("parley.rate-limits.policies.upload.capacity=-5")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("parley.rate-limits.policies.upload.capacity must be at least 1, but is -5"));
	}

	@Test
	void aPeriodOfZeroStopsTheStart() {
		this.runner.withPropertyValues("parley.rate-limits.policies.widget-arrival.period=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("parley.rate-limits.policies.widget-arrival.period must be longer than zero, but is PT0S"));
	}

	@Test
	void anUnknownLimitStopsTheStart() {
		this.runner.withPropertyValues("parley.rate-limits.policies.sign-inn.capacity=5")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("parley.rate-limits.policies.sign-inn names no rate limit"));
	}

	@Test
	void limitsNotSetKeepTheirDefaultsAndSetOnesTheirValues() {
		this.runner.withPropertyValues("parley.rate-limits.policies.sign-in.capacity=7").run((context) -> {
			var limits = context.getBean(RateLimitProperties.class).limits();
			assertThat(limits.get(dev.parley.platform.RateLimit.SIGN_IN).capacity()).isEqualTo(7);
			assertThat(limits.get(dev.parley.platform.RateLimit.SIGN_IN).period())
				.isEqualTo(dev.parley.platform.RateLimit.SIGN_IN.defaultPeriod());
			assertThat(limits.get(dev.parley.platform.RateLimit.UPLOAD).capacity())
				.isEqualTo(dev.parley.platform.RateLimit.UPLOAD.defaultCapacity());
		});
	}

}
