package dev.parley.conversations;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an agent sees of his own work in the console as it changes under him: the open
 * conversation taken away and given back, closed.
 */
class AgentWorkspaceBrowserTests extends ChatTest {

	private static final String REASSIGNED = "no longer assigned to you";

	@Test
	void theNoLongerAssignedBannerGoesWhenTheConversationComesBackAndWhenItCloses() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		Staff supervisor = staff("supervisor");
		Staff colleague = staff("agent");
		try (Browser browser = Browser.open(this.port)) {
			ApiClient api = signIn(browser, supervisor.name());
			take(api, visitor.conversationId());
			browser.go("/console/inbox?view=mine&conversation=" + visitor.conversationId());
			browser.waitFor("#reply-box");

			transfer(visitor.conversationId(), colleague.id());
			browser.waitForText(".conv-pane", REASSIGNED);

			transfer(visitor.conversationId(), supervisor.id());
			browser.waitFor("#reply-box");
			browser.waitUntil((d) -> !paneText(browser).contains(REASSIGNED));

			transfer(visitor.conversationId(), colleague.id());
			browser.waitForText(".conv-pane", REASSIGNED);
			ApiClient.Response closed = admin().post("/api/v1/conversations/" + visitor.conversationId() + "/close",
					Map.of());
			assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
			browser.waitForText("#conv-status", "Closed");
			browser.waitUntil((d) -> !paneText(browser).contains(REASSIGNED));
		}
	}

	@Test
	void atPhoneWidthTheTopBarFitsTheScreenAndTheStatusMenuAndNavigationOpenInside() {
		Staff supervisor = staff("supervisor");
		try (Browser browser = Browser.open(this.port)) {
			phoneWidth(browser);
			signIn(browser, supervisor.name());
			browser.go("/console/inbox");
			browser.waitFor("#agent-status");
			browser.waitUntil((d) -> browser.find("#agent-status").isEnabled());

			assertThat(outside(browser, ".topbar, .topbar *")).as("top bar items outside the screen").isEmpty();
			assertThat(outside(browser, "#agent-status")).isEmpty();
			browser.select("#agent-status", "away");
			browser.waitUntil((d) -> "away".equals(browser.find(".status-switch").getAttribute("data-status")));

			browser.click("#nav-toggle");
			browser.click("a[data-nav=\"team\"]");
			browser.waitForPath("/console/team");
			assertThat(outside(browser, ".topbar, .topbar *")).isEmpty();
		}
	}

	/**
	 * Emulates a phone screen (390 x 844): headless windows do not get narrower than 500
	 * px.
	 */
	private static void phoneWidth(Browser browser) {
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
	}

	/**
	 * The visible elements matching the selector that stick out of the screen sideways.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> outside(Browser browser, String css) {
		return (List<String>) browser.script(
				"""
						const width = document.documentElement.clientWidth;
						return [...document.querySelectorAll(arguments[0])]
						  .filter((e) => e.getClientRects().length)
						  .map((e) => [e, e.getBoundingClientRect()])
						  .filter(([e, r]) => r.width > 0 && (r.left < -0.5 || r.right > width + 0.5))
						  .map(([e, r]) => (e.id || e.className || e.tagName) + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
						""",
				css);
	}

	private static String paneText(Browser browser) {
		return browser.find(".conv-pane").getText();
	}

	private void transfer(long conversationId, long toAgentId) {
		ApiClient.Response transfer = admin().post("/api/v1/conversations/" + conversationId + "/transfer",
				Map.of("toAgentId", toAgentId));
		assertThat(transfer.status()).as(transfer.toString()).isEqualTo(200);
	}

	/** A new staff user of the role, with an agent profile, who chose their password. */
	private Staff staff(String role) {
		String name = unique(role);
		long id = createUser(name, role).path("id").asLong();
		ApiClient api = client();
		api.login(name, INITIAL_PASSWORD);
		api.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		assertThat(api.get("/api/v1/agents/me").status()).isEqualTo(200);
		return new Staff(name, id);
	}

	private record Staff(String name, long id) {
	}

	private ApiClient signIn(Browser browser, String username) {
		browser.signIn(username, OWN_PASSWORD);
		ApiClient api = client();
		assertThat(api.login(username, OWN_PASSWORD).status()).isEqualTo(200);
		return api;
	}

}
