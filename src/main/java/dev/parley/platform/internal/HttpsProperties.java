package dev.parley.platform.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;

/**
 * What Parley sends when a request came over HTTPS (directly, or from a trusted proxy
 * that said so with {@code X-Forwarded-Proto}): the {@code Strict-Transport-Security}
 * header. Cookies are {@code Secure} on such requests without any setting.
 *
 * @param hstsMaxAge how long browsers keep to HTTPS for this host ({@code 0} tells them
 * to forget it)
 * @param hstsIncludeSubdomains whether that holds for every subdomain of the host too
 */
@ConfigurationProperties("parley.https")
record HttpsProperties(@DefaultValue("365d") Duration hstsMaxAge,
		@DefaultValue("false") boolean hstsIncludeSubdomains) {

	HttpsProperties {
		if (hstsMaxAge.isNegative()) {
			throw new IllegalArgumentException("parley.https.hsts-max-age must not be negative");
		}
	}

	/** HSTS on secure requests only (Spring Security's matcher), as configured. */
	void apply(HeadersConfigurer<?>.HstsConfig hsts) {
		hsts.maxAgeInSeconds(this.hstsMaxAge.toSeconds()).includeSubDomains(this.hstsIncludeSubdomains);
	}

}
