package dev.parley.customers.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.MailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the browser: a customer registers in the portal, follows the e-mail's link (sent
 * through GreenMail), signs in, edits his profile and reads and continues his
 * conversation, where an agent's answer and the close show without a reload. With
 * {@code -Dparley.screenshots=
 *
<dir>
 * } it also leaves screenshots there (1366 x 900 and 390 x 844, English and Simplified
 * Chinese).
 */
class PortalBrowserTests extends IntegrationTest {

	private static MailServer mail;

	/** A client holding the CSRF cookie, as the portal's page does after loading. */
	@Override
	protected ApiClient client() {
		ApiClient client = super.client();
		client.get("/api/v1/portal/account/policy");
		return client;
	}

	@BeforeAll
	static void startMailServer() {
		mail = MailServer.onFreePorts();
	}

	@AfterAll
	static void stopMailServer() {
		mail.close();
	}

	/**
	 * The context (and its outbox worker) outlives the class: no mail account after it.
	 */
	@org.junit.jupiter.api.AfterEach
	void noMailAccount(
			@org.springframework.beans.factory.annotation.Autowired dev.parley.notifications.internal.MailAccountRepository accounts) {
		accounts.save(dev.parley.notifications.internal.MailAccount.none(), "test");
	}

	@Test
	void aCustomerRegistersVerifiesSignsInAndEditsHisProfile() throws Exception {
		assertThat(admin().put("/api/v1/mail-account", mail.account("support@acme.test")).status()).isEqualTo(200);
		String email = unique("browser") + "@example.com";
		try (Browser browser = Browser.open(this.port)) {
			browser.go("/portal/");
			browser.waitForPath("/portal/sign-in");
			browser.select("#portal-language", "en");
			browser.waitForText("#sign-in-submit", "Sign in");
			browser.screenshotsInBothLanguages("portal-sign-in", "#portal-language");
			browser.click("#to-register");
			browser.waitForPath("/portal/register");
			browser.type("#register-name", "Li Lei");
			browser.type("#register-email", email);
			browser.type("#register-password", "short");
			browser.type("#register-confirm", "short");
			browser.click("#register-submit");
			browser.waitForText("#register-problem", "10");
			browser.find("#register-password").clear();
			browser.find("#register-confirm").clear();
			browser.type("#register-password", PortalFixture.PASSWORD);
			browser.type("#register-confirm", PortalFixture.PASSWORD);
			browser.screenshotsInBothLanguages("portal-register", "#portal-language");
			browser.click("#register-submit");
			browser.waitForText("#register-sent", email);

			String token = PortalFixture.tokenFrom(mail, email, 1);
			browser.go("/portal/verify#token=" + token);
			// the link alone verifies nothing: the page asks for the registration's
			// password
			browser.type("#verify-password", "Wrong-Passw0rd!");
			browser.click("#verify-submit");
			browser.waitForText("#verify-problem", "Wrong password");
			browser.find("#verify-password").clear();
			browser.type("#verify-password", PortalFixture.PASSWORD);
			browser.screenshotsInBothLanguages("portal-verify", "#portal-language");
			browser.click("#verify-submit");
			browser.waitFor("#verify-done");
			browser.click("#verify-sign-in");
			browser.waitForPath("/portal/sign-in");
			browser.type("#sign-in-email", email);
			browser.type("#sign-in-password", "Wrong-Passw0rd!");
			browser.click("#sign-in-submit");
			browser.waitForText("#sign-in-problem", "Wrong e-mail address or password");
			browser.find("#sign-in-password").clear();
			browser.type("#sign-in-password", PortalFixture.PASSWORD);
			browser.click("#sign-in-submit");
			browser.waitForPath("/portal/conversations");
			browser.waitFor("#conversations-empty");

			browser.click("#nav-profile");
			browser.waitForPath("/portal/profile");
			browser.waitUntil((driver) -> "Li Lei".equals(browser.find("#profile-name").getDomProperty("value")));
			browser.find("#profile-name").clear();
			browser.type("#profile-name", "李雷");
			browser.type("#profile-phone", "+86 138 0000 0000");
			browser.select("#profile-timezone", "Asia/Shanghai");
			browser.click("#profile-save");
			browser.waitFor("#profile-saved");
			browser.screenshotsInBothLanguages("portal-profile", "#portal-language");

			ApiClient api = client();
			assertThat(PortalFixture.signIn(api, email, PortalFixture.PASSWORD).status()).isEqualTo(200);
			JsonNode profile = api.get("/api/v1/portal/profile").json();
			assertThat(profile.path("name").asString()).isEqualTo("李雷");
			assertThat(profile.path("phone").asString()).isEqualTo("+86 138 0000 0000");
			assertThat(profile.path("timeZone").asString()).isEqualTo("Asia/Shanghai");

			long conversation = startConversation(email);
			browser.click("#nav-conversations");
			browser.waitFor("#conversation-list [data-conversation='" + conversation + "']");
			browser.screenshotsInBothLanguages("portal-conversations", "#portal-language");
			browser.click("#conversation-list [data-conversation='" + conversation + "'] a");
			browser.waitForText("#transcript", "Where is my parcel?");
			browser.type("#compose-text", "It is urgent, thank you.");
			browser.click("#compose-send");
			browser.waitForText("#transcript", "It is urgent, thank you.");

			// an agent answers and closes it while the page stays open: both show without
			// a
			// reload, and his own line (sent, then read again by a poll) shows once
			ApiClient agent = admin();
			assertThat(agent.post("/api/v1/conversations/" + conversation + "/assign", Map.of()).status())
				.isEqualTo(200);
			assertThat(agent
				.post("/api/v1/conversations/" + conversation + "/messages",
						Map.of("clientId", unique("reply"), "text", "Your parcel left today."))
				.status()).isIn(200, 201);
			browser.waitForText("#transcript", "Your parcel left today.");
			assertThat(browser.findAll("#transcript li.mine")
				.stream()
				.filter((line) -> line.getText().contains("It is urgent, thank you."))
				.count()).isEqualTo(1);
			assertThat(browser.findAll("#transcript li.mine, #transcript li.theirs")).hasSize(3);
			browser.screenshotsInBothLanguages("portal-conversation", "#portal-language");
			assertThat(agent.post("/api/v1/conversations/" + conversation + "/close", Map.of()).status())
				.isEqualTo(200);
			browser.waitForText("h1 .badge", "Closed");
			assertThat(browser.path()).isEqualTo("/portal/conversations/" + conversation);

			browser.click("#sign-out");
			browser.waitForPath("/portal/sign-in");
			browser.go("/portal/profile");
			browser.waitForPath("/portal/sign-in");
		}
	}

	@Test
	void aSecondResetLinkOpenedWithoutAReloadUsesItsOwnToken() {
		assertThat(admin().put("/api/v1/mail-account", mail.account("support@acme.test")).status()).isEqualTo(200);
		String email = unique("reset") + "@example.com";
		PortalFixture.verifiedCustomer(client(), mail, email);
		for (int i = 0; i < 2; i++) {
			assertThat(client().post("/api/v1/portal/account/password-resets", Map.of("email", email)).status())
				.isEqualTo(202);
		}
		String first = PortalFixture.tokenFrom(mail, email, 2);
		String second = PortalFixture.tokenFrom(mail, email, 3);
		try (Browser browser = Browser.open(this.port)) {
			// the first link, still open, ended when the second was sent
			browser.go("/portal/reset#token=" + first);
			browser.select("#portal-language", "en");
			browser.waitFor("#reset-password");
			browser.type("#reset-password", "First-Passw0rd!");
			browser.type("#reset-confirm", "First-Passw0rd!");
			browser.click("#reset-submit");
			browser.waitForText("#reset-problem", "Ask for a new one");

			// the second link, opened in the same tab: only the hash changes, no reload
			browser.script("window.parleyNoReload = true; location.href = '/portal/reset#token=" + second + "'");
			browser.waitUntil((driver) -> browser.findAll("#reset-problem")
				.stream()
				.allMatch((problem) -> problem.getText().isBlank()));
			browser.type("#reset-password", "Second-Passw0rd!");
			browser.type("#reset-confirm", "Second-Passw0rd!");
			browser.click("#reset-submit");
			browser.waitFor("#reset-done");
			assertThat(browser.script("return window.parleyNoReload === true")).as("the page was not reloaded")
				.isEqualTo(true);
		}
		assertThat(PortalFixture.signIn(client(), email, "Second-Passw0rd!").status())
			.as("the second link set the password")
			.isEqualTo(200);
	}

	private long startConversation(String email) throws Exception {
		ApiClient.Response created = admin().post("/api/v1/channels", Map.of("kind", "website", "name", "Web shop",
				"allowedOrigins", List.of("https://shop.example.com"), "prechatEnabled", false));
		JsonNode channel = created.json();
		ApiClient.Response arrived = client().post(
				"/api/v1/widget/channels/" + channel.path("key").asString() + "/visitors",
				PortalFixture.vouchedEmail(channel, email));
		ApiClient widget = client().withHeader("X-Parley-Visitor", arrived.json().path("token").asString());
		ApiClient.Response started = widget.post("/api/v1/widget/conversations",
				Map.of("question", "Where is my parcel?"));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.json().path("id").asLong();
	}

}
