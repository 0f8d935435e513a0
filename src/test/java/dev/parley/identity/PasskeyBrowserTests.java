package dev.parley.identity;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the browser, with Chromium's virtual authenticator standing in for the device: a
 * staff member adds a passkey from the profile (and gets recovery codes, as it is his
 * first second factor), renames it, signs out, and signs in with password and passkey; a
 * role that requires two-factor sign-in accepts a passkey at its set-up screen. The
 * console is reached at {@code localhost}: WebAuthn needs a secure context and a host
 * name. With {@code -Dparley.screenshots=DIR} it also leaves screenshots there.
 */
class PasskeyBrowserTests extends IntegrationTest {

	@Test
	void addAPasskeyFromTheProfileThenSignInWithPasswordAndPasskey() {
		String username = userWithOwnPassword("agent");
		try (Browser browser = Browser.openOnLocalhost(this.port)) {
			browser.virtualAuthenticator();
			browser.recordErrors();
			browser.signIn(username, OWN_PASSWORD);
			browser.go("/console/profile");
			browser.waitFor("#passkeys-none");
			browser.click("#passkey-add");
			browser.type("#passkey-label", "Virtual laptop");
			browser.click("#passkey-add-submit");
			browser.waitFor("#recovery-codes");
			assertThat(browser.findAll("#recovery-codes li")).hasSize(10);
			browser.click("#recovery-done");
			browser.waitForText(".passkey-label", "Virtual laptop");
			browser.waitForText("#two-factor-status", "passkeys");
			browser.screenshotsInBothLanguages("passkeys-profile", "#language-select");

			browser.click(".passkey-rename");
			browser.type(".passkey-rename-input", "Desk computer");
			browser.click(".passkey-rename-save");
			browser.waitForText(".passkey-label", "Desk computer");

			browser.click("#logout");
			browser.waitFor("#login-username");
			browser.type("#login-username", username);
			browser.type("#login-password", OWN_PASSWORD);
			browser.click("#login-submit");
			browser.waitFor("#login-use-passkey");
			assertThat(browser.findAll("#login-code")).isEmpty();
			browser.screenshotsInBothLanguages("passkeys-sign-in", "#login-language");
			browser.click("#login-use-passkey");
			browser.waitFor("#current-user");
			assertThat(browser.errors()).isEmpty();
		}
		String audit = admin().get("/api/v1/audit-events?limit=100&actor=" + username).body();
		assertThat(audit).contains("passkey.registered", "passkey.renamed", "passkey.used", "second factor: passkey");
	}

	@Test
	void aRoleThatRequiresTwoFactorAcceptsAPasskeyAtTheSetUpScreen() {
		String roleName = unique("guarded");
		assertThat(admin()
			.post("/api/v1/roles",
					Map.of("name", roleName, "permissions", List.of("conversation.view"), "requiresTwoFactor", true))
			.status()).isEqualTo(201);
		String username = userWithOwnPassword(roleName);
		try (Browser browser = Browser.openOnLocalhost(this.port)) {
			browser.virtualAuthenticator();
			browser.go("/console/login");
			browser.type("#login-username", username);
			browser.type("#login-password", OWN_PASSWORD);
			browser.click("#login-submit");
			browser.waitForPath("/console/two-factor");
			browser.click("#passkey-add");
			browser.type("#passkey-label", "Security key");
			browser.click("#passkey-add-submit");
			browser.waitFor("#recovery-codes");
			browser.click("#two-factor-continue");
			browser.waitFor("#current-user");
		}
		ApiClient again = client();
		assertThat(again.login(username, OWN_PASSWORD).code()).isEqualTo("second_factor_required");
	}

}
