package dev.parley.platform.internal;

import java.util.List;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code parley.security.trusted-proxies}: addresses and CIDR ranges of both families,
 * and a node that does not start, naming the entry, when one is neither.
 */
class TrustedProxiesPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Binding.class);

	@Test
	void addressesAndRangesOfBothFamiliesBecomeRanges() {
		TrustedProxiesProperties properties = new TrustedProxiesProperties(
				List.of(" 10.0.0.5", "10.0.0.0/24", "::1", "fd00::/8", "2001:db8::7/128", ""));
		assertThat(properties.trustedProxies()).containsExactly("10.0.0.5/32", "10.0.0.0/24", "0:0:0:0:0:0:0:1/128",
				"fd00:0:0:0:0:0:0:0/8", "2001:db8:0:0:0:0:0:7/128");
	}

	@Test
	void whatIsNotAnAddressOrRangeIsRefusedByName() {
		for (String wrong : List.of("10.0.0.0/33", "10.0.0.256", "10.0.0", "proxy.example.com", "::1/129", "10.0.0.0/",
				"10.0.0.0/-1", "fd00::/x", "*", "10.0.0.0/8/8", "fe80::1%eth0")) {
			assertThatIllegalArgumentException().as(wrong)
				.isThrownBy(() -> new TrustedProxiesProperties(List.of(wrong)))
				.withMessageContaining("parley.security.trusted-proxies")
				.withMessageContaining("'" + wrong + "'");
		}
	}

	@Test
	void aNodeWithAnInvalidRangeDoesNotStart() {
		this.runner.withPropertyValues("parley.security.trusted-proxies=10.0.0.0/8, 10.1.2.0/40")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'10.1.2.0/40' is not an IP address or CIDR range"));
	}

	@Test
	void theDefaultTrustsLoopbackAndAnEmptyValueNobody() {
		this.runner.run((context) -> assertThat(context.getBean(TrustedProxiesProperties.class).trustedProxies())
			.containsExactly("127.0.0.0/8", "0:0:0:0:0:0:0:1/128"));
		this.runner.withPropertyValues("parley.security.trusted-proxies=")
			.run((context) -> assertThat(context.getBean(TrustedProxiesProperties.class).trustedProxies()).isEmpty());
	}

	@Test
	void tomcatMatchesTheRangesNotARegularExpression() {
		RemoteIpValve valve = new RemoteIpValve();
		TrustedProxies.configure(valve, new TrustedProxiesProperties(List.of("10.0.0.5", "fd00::/8")));
		assertThat(valve.getInternalProxies().split(",\\s*")).containsExactlyInAnyOrder("10.0.0.5/32",
				"fd00:0:0:0:0:0:0:0/8");
		TrustedProxies.configure(valve, new TrustedProxiesProperties(List.of()));
		assertThat(valve.getInternalProxies()).isNull();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TrustedProxiesProperties.class)
	static class Binding {

	}

}
