package dev.parley.identity.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where passkeys belong. Both are optional: by default the relying party is the host name
 * the console was reached at, and the only origin allowed is the console's own.
 *
 * @param rpId the WebAuthn relying-party id: a host name (never an IP address), the
 * console's or a parent domain of it; passkeys registered under one id do not work under
 * another
 * @param allowedOrigins the origins (e.g. {@code https://support.example.com}) whose
 * pages may use the passkeys; needed when a proxy hides the scheme or port the browser
 * used
 */
@ConfigurationProperties("parley.security.webauthn")
record WebAuthnProperties(String rpId, List<String> allowedOrigins) {

	WebAuthnProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
		if (rpId != null && (rpId.isBlank() || rpId.contains(":") || rpId.contains("/") || rpId.matches("[0-9.]+"))) {
			throw new IllegalArgumentException(
					"parley.security.webauthn.rp-id must be a host name, like example.com, not an address");
		}
	}

}
