package dev.parley.platform;

import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a trusted proxy ({@code parley.security.trusted-proxies}; by default loopback,
 * where the test connects from) {@code X-Forwarded-For} and {@code X-Forwarded-Proto}
 * count: the audit log (and with it throttling and rate limits, which read the same
 * {@link ClientAddress}) shows the client's address. {@link UntrustedPeerTests} shows the
 * other side.
 */
class TrustedProxyTests extends IntegrationTest {

	@Test
	void theClientAddressIsTakenFromTheHeader() {
		assertThat(failedSignInAddress("198.51.100.7")).isEqualTo("198.51.100.7");
	}

	@Test
	void ofAChainTheRightMostUntrustedAddressIsTheClient() {
		// the client wrote the first one itself; a trusted proxy (loopback) appended the
		// last: the one before it is what the last trusted proxy saw
		assertThat(failedSignInAddress("192.0.2.66, 203.0.113.5, 127.0.0.1")).isEqualTo("203.0.113.5");
		assertThat(failedSignInAddress("192.0.2.66, 2001:db8::9, 127.0.0.2")).isEqualTo("2001:db8::9");
	}

	@Test
	void theSchemeIsTakenFromTheHeader() {
		ApiClient.Response response = client().withHeader("X-Forwarded-Proto", "https").get("/api/v1/session");
		assertThat(response.header("Strict-Transport-Security")).as(response.toString()).contains("max-age");
	}

	/** Fails a sign-in with the header and reads the address the audit log recorded. */
	private String failedSignInAddress(String forwardedFor) {
		String stranger = "spoof-" + UUID.randomUUID().toString().substring(0, 8);
		client().withHeader("X-Forwarded-For", forwardedFor).login(stranger, "Wrong-Passw0rd!");
		return admin().get("/api/v1/audit-events?actor=" + stranger).json().path("items").path(0).path("ip").asString();
	}

}
