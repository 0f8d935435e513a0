package dev.parley.platform.internal;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tomcat believes the forwarded headers ({@code server.forward-headers-strategy: native},
 * its {@link RemoteIpValve}) only from the proxies of
 * {@code parley.security.trusted-proxies} (docs/security.md, "Trusted proxies"). Tomcat's
 * own default trusts every private address, so that anyone on the private network could
 * claim any address in the audit log, the sign-in throttle and the rate limits.
 * <p>
 * Walking {@code X-Forwarded-For} from the right, the valve skips the trusted proxies and
 * takes the first address that is not one: the right-most untrusted address, the one the
 * last trusted proxy saw. A peer that is not trusted has its forwarded headers ignored
 * ({@code X-Forwarded-Proto} too).
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

	private static final Logger logger = LoggerFactory.getLogger(TrustedProxies.class);

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxiesOnly(TrustedProxiesProperties properties) {
		return new TrustedProxiesCustomizer(properties);
	}

	/** After Spring Boot's own customizer, which adds the valve. */
	static final class TrustedProxiesCustomizer
			implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		private final TrustedProxiesProperties properties;

		TrustedProxiesCustomizer(TrustedProxiesProperties properties) {
			this.properties = properties;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			for (Valve valve : factory.getEngineValves()) {
				if (valve instanceof RemoteIpValve remoteIp) {
					configure(remoteIp, this.properties);
				}
			}
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	static void configure(RemoteIpValve valve, TrustedProxiesProperties properties) {
		// CIDR form throughout (every entry has a prefix), so Tomcat matches ranges, not
		// a regular expression; empty: nobody
		valve.setInternalProxies(String.join(",", properties.trustedProxies()));
		valve.setTrustedProxies(null);
		logger.info("Forwarded headers believed from {}",
				properties.trustedProxies().isEmpty() ? "nobody" : properties.trustedProxies());
	}

}
