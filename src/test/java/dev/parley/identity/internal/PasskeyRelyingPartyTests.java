package dev.parley.identity.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which relying party a request belongs to: the configured rp id and origins, or the host
 * name and origin the browser used; and which rp ids the configuration refuses.
 */
class PasskeyRelyingPartyTests {

	@Test
	void byDefaultTheRequestsHostAndOrigin() {
		PasskeyRelyingParty party = party(new WebAuthnProperties(null, null));
		assertThat(party.of(request("https", "Support.Example.com", 443)))
			.isEqualTo(new PasskeyRelyingParty.RelyingParty("support.example.com",
					java.util.Set.of("https://support.example.com")));
		assertThat(party.of(request("http", "localhost", 8080)).origins()).containsExactly("http://localhost:8080");
	}

	@Test
	void theConfiguredRpIdAndOriginsWin() {
		PasskeyRelyingParty party = party(new WebAuthnProperties("example.com",
				List.of("https://support.example.com", "https://help.example.com")));
		PasskeyRelyingParty.RelyingParty of = party.of(request("http", "10.0.0.5", 8080));
		assertThat(of.id()).isEqualTo("example.com");
		assertThat(of.origins()).containsExactlyInAnyOrder("https://support.example.com", "https://help.example.com");
	}

	@Test
	void anRpIdIsAHostNameNeverAnAddressOrAUrl() {
		for (String wrong : List.of(" ", "10.0.0.5", "::1", "https://example.com", "example.com:8443")) {
			assertThatIllegalArgumentException().as(wrong).isThrownBy(() -> new WebAuthnProperties(wrong, null));
		}
	}

	private static PasskeyRelyingParty party(WebAuthnProperties properties) {
		return new PasskeyRelyingParty(null, null, properties, null);
	}

	private static MockHttpServletRequest request(String scheme, String host, int port) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setScheme(scheme);
		request.setServerName(host);
		request.setServerPort(port);
		return request;
	}

}
