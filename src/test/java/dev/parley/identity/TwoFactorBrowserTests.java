package dev.parley.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.Totp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the browser: a staff member sets up an authenticator app from the profile (the code
 * computed here with the same library), sees the recovery codes once, and then signs in
 * with password and code; a role that requires two-factor sign-in sends its holder to the
 * enrolment first; an administrator resets it. With {@code -Dparley.screenshots=DIR} it
 * also leaves screenshots there.
 */
class TwoFactorBrowserTests extends IntegrationTest {

	@Test
	void enrolFromTheProfileThenSignInWithTheCode() {
		String username = userWithOwnPassword("agent");
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(username, OWN_PASSWORD);
			browser.go("/console/profile");
			browser.click("#two-factor-begin");
			browser.waitFor("#two-factor-qr");
			String secret = browser.find("#two-factor-secret").getDomProperty("value");
			assertThat(secret).matches("[A-Z2-7]{32}");
			browser.screenshotsInBothLanguages("two-factor-enrol", "#language-select");
			browser.script("document.getElementById('two-factor-card').scrollIntoView()");
			browser.screenshot("two-factor-enrol");
			browser.type("#two-factor-code", "12345");
			browser.click("#two-factor-confirm");
			browser.type("#two-factor-code", Totp.code(secret, this.clock.instant()));
			browser.click("#two-factor-confirm");
			browser.waitFor("#recovery-codes");
			assertThat(browser.findAll("#recovery-codes li")).hasSize(10);
			browser.screenshotsInBothLanguages("two-factor-recovery-codes", "#language-select");
			browser.script("document.getElementById('recovery-codes').scrollIntoView()");
			browser.screenshot("two-factor-recovery-codes");
			browser.click("#recovery-done");
			browser.waitForText("#recovery-left", "10");
			browser.waitUntilGone("#recovery-codes");

			browser.click("#logout");
			browser.waitFor("#login-username");
			browser.type("#login-username", username);
			browser.type("#login-password", OWN_PASSWORD);
			browser.click("#login-submit");
			browser.waitFor("#login-code");
			browser.screenshotsInBothLanguages("two-factor-sign-in", "#login-language");
			browser.type("#login-code", "000000".equals(code(secret)) ? "111111" : "000000");
			browser.click("#login-code-submit");
			browser.waitFor(".problem");
			this.clock.advance(Duration.ofSeconds(30));
			browser.type("#login-code", code(secret));
			browser.click("#login-code-submit");
			browser.waitFor("#current-user");
		}
	}

	@Test
	void aRoleThatRequiresItSendsItsHolderToTheEnrolmentAndAnAdministratorResetsIt() {
		ApiClient admin = admin();
		String roleName = unique("guarded");
		assertThat(admin
			.post("/api/v1/roles",
					Map.of("name", roleName, "permissions", List.of("conversation.view"), "requiresTwoFactor", true))
			.status()).isEqualTo(201);
		String username = userWithOwnPassword(roleName);
		try (Browser browser = Browser.open(this.port)) {
			browser.go("/console/login");
			browser.type("#login-username", username);
			browser.type("#login-password", OWN_PASSWORD);
			browser.click("#login-submit");
			browser.waitForPath("/console/two-factor");
			browser.go("/console/inbox");
			browser.waitForPath("/console/two-factor");
			browser.click("#two-factor-begin");
			String secret = browser.find("#two-factor-secret").getDomProperty("value");
			browser.type("#two-factor-code", code(secret));
			browser.click("#two-factor-confirm");
			browser.waitFor("#recovery-codes");
			browser.click("#two-factor-continue");
			browser.waitFor("#current-user");
		}
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.go("/console/roles");
			browser.waitFor("[data-two-factor='required']");
			browser.screenshotsInBothLanguages("two-factor-roles", "#language-select");
			browser.go("/console/users");
			browser.type("#user-search", username);
			browser.click("[data-edit='" + username + "']");
			browser.clickOneWithText(".tabs button", "Password");
			browser.waitForText("#user-two-factor-status", "On");
			browser.click("#user-reset-two-factor");
			browser.screenshotsInBothLanguages("two-factor-admin-reset", "#language-select");
			browser.click("#user-reset-two-factor-confirm");
			browser.waitForText(".notice", username);
		}
		ApiClient again = client();
		assertThat(again.login(username, OWN_PASSWORD).status()).isEqualTo(200);
		assertThat(again.get("/api/v1/session").json().path("twoFactorEnrolmentRequired").asBoolean()).isTrue();
	}

	private String code(String secret) {
		return Totp.code(secret, this.clock.instant());
	}

}
