package dev.parley.platform;

import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only proxies elsewhere are trusted, so the test's loopback connection is an untrusted
 * peer: what it writes into {@code X-Forwarded-For} and {@code X-Forwarded-Proto} is
 * ignored, and the audit log shows the real peer.
 */
@TestPropertySource(properties = "parley.security.trusted-proxies=192.0.2.10, 2001:db8::/32")
class UntrustedPeerTests extends IntegrationTest {

	@Test
	void aSpoofedClientAddressIsIgnored() {
		assertThat(failedSignInAddress("203.0.113.9")).isEqualTo("127.0.0.1");
		// naming a trusted proxy in the chain does not make the peer one
		assertThat(failedSignInAddress("203.0.113.9, 192.0.2.10")).isEqualTo("127.0.0.1");
	}

	@Test
	void aSpoofedSchemeIsIgnored() {
		ApiClient.Response response = client().withHeader("X-Forwarded-Proto", "https").get("/api/v1/session");
		// from a trusted proxy the same request gets HSTS (TrustedProxyTests)
		assertThat(response.header("Strict-Transport-Security")).as(response.toString()).isNull();
	}

	private String failedSignInAddress(String forwardedFor) {
		String stranger = "spoof-" + UUID.randomUUID().toString().substring(0, 8);
		client().withHeader("X-Forwarded-For", forwardedFor).login(stranger, "Wrong-Passw0rd!");
		return admin().get("/api/v1/audit-events?actor=" + stranger).json().path("items").path(0).path("ip").asString();
	}

}
