package dev.parley.security;

import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator sees an address Parley blocked after a burst on the security screen,
 * with its figures, and lifts the block; the address is served again.
 */
@Timeout(180)
@TestPropertySource(properties = { "parley.security.auto-block.refused-requests=10" })
class SecurityBrowserTests extends IntegrationTest {

	@Test
	void theAdministratorSeesABlockAndLiftsIt() {
		String attacker = "198.51.100.201";
		ApiClient from = client().withHeader("X-Forwarded-For", attacker);
		for (int i = 0; i < 10; i++) {
			from.get("/api/v1/users");
		}
		assertThat(from.get("/api/v1/maintenance").code()).isEqualTo("address_blocked");
		ApiClient admin = admin();
		admin.post("/api/v1/security/networks", Map.of("list", "allow", "range", "192.0.2.0/24", "note", "Office"));
		admin.post("/api/v1/security/networks", Map.of("list", "deny", "range", "2001:db8:bad::/48", "note",
				"Scanner seen in the logs", "expiresAt", this.clock.instant().plusSeconds(86_400).toString()));

		try (Browser browser = Browser.open(this.port)) {
			browser.recordErrors();
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.click("a[data-nav='security']");
			browser.waitForText("tr[data-block='" + attacker + "']", attacker);
			browser.waitForText("[data-figure='security.source.blocked'] .figure", "1");
			browser.waitForText("[data-list='allow'] tr[data-entry='192.0.2.0/24']", "Office");
			browser.waitForFetches();
			browser.screenshotsInBothLanguages("security", "#language-select");

			browser.click("[data-figure='security.source.blocked'] a");
			browser.waitForPath("/console/audit");
			browser.waitForText("tr[data-action='security.source.blocked']", attacker);

			browser.go("/console/security");
			browser.click("tr[data-block='" + attacker + "'] button.lift");
			browser.waitUntilGone("tr[data-block='" + attacker + "']");
			assertThat(browser.errors()).isEmpty();
		}
		assertThat(from.get("/api/v1/maintenance").status()).isEqualTo(200);
	}

}
