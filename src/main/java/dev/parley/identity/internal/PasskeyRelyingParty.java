package dev.parley.identity.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.webauthn4j.WebAuthnManager;
import dev.parley.administration.Settings;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * Spring Security's WebAuthn ceremonies ({@link Webauthn4JRelyingPartyOperations}) over
 * Parley's own storage, for the relying party a request belongs to: the configured
 * {@code parley.security.webauthn.rp-id}, or else the host name the browser used; the
 * configured origins, or else the request's own. Passkeys here are a second factor, so
 * the credentials need not be discoverable.
 */
@Component
public class PasskeyRelyingParty {

	private final PasskeyUserHandles handles;

	private final PasskeyStore store;

	private final WebAuthnProperties properties;

	private final Settings settings;

	private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager();

	PasskeyRelyingParty(PasskeyUserHandles handles, PasskeyStore store, WebAuthnProperties properties,
			Settings settings) {
		this.handles = handles;
		this.store = store;
		this.properties = properties;
		this.settings = settings;
	}

	/**
	 * A relying party as a request sees it.
	 *
	 * @param id the relying-party id (a host name)
	 * @param origins the origins whose pages may use the passkeys
	 */
	public record RelyingParty(String id, Set<String> origins) {

		public RelyingParty {
			origins = Set.copyOf(origins);
		}

	}

	RelyingParty of(HttpServletRequest request) {
		String host = request.getServerName().toLowerCase(Locale.ROOT);
		String id = (this.properties.rpId() != null) ? this.properties.rpId() : host;
		Set<String> origins = new LinkedHashSet<>(this.properties.allowedOrigins());
		if (origins.isEmpty()) {
			String scheme = request.getScheme().toLowerCase(Locale.ROOT);
			int port = request.getServerPort();
			boolean standard = (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
			origins.add(scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + (standard ? "" : ":" + port));
		}
		return new RelyingParty(id, origins);
	}

	WebAuthnRelyingPartyOperations operations(RelyingParty party) {
		String name = this.settings.get("organisation.name");
		PublicKeyCredentialRpEntity rp = PublicKeyCredentialRpEntity.builder()
			.id(party.id())
			.name((name == null || name.isBlank()) ? "Parley" : name)
			.build();
		Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(this.handles, this.store, rp,
				party.origins());
		operations.setWebAuthnManager(this.manager);
		operations.setCustomizeCreationOptions(
				(options) -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
					.residentKey(ResidentKeyRequirement.PREFERRED)
					.userVerification(UserVerificationRequirement.PREFERRED)
					.build()));
		return operations;
	}

}
