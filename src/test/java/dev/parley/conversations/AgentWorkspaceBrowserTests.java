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
	void anAgentSignedInOfflineIsAskedToGoOnlineAndTheInboxSaysWhyNothingArrives() {
		Staff agent = staff("agent");
		try (Browser browser = Browser.open(this.port)) {
			ApiClient api = signIn(browser, agent.name());
			browser.waitForText("#status-prompt", "You are offline: conversations are not routed to you.");
			browser.click("#status-prompt [data-go-online]");
			browser.waitUntilGone("#status-prompt");
			browser.waitUntil((d) -> "online".equals(browser.find(".status-switch").getAttribute("data-status")));
			browser.select("#agent-status", "offline");
			browser.waitUntil((d) -> "offline".equals(browser.find(".status-switch").getAttribute("data-status")));
			assertThat(browser.findAll("#status-prompt")).as("asked after signing in, not after choosing offline")
				.isEmpty();

			browser.select("#agent-status", "away");
			browser.go("/console/inbox");
			browser.waitForText("#inbox-status-notice", "You are away");
			assertThat(browser.findAll("#status-prompt")).as("the inbox says it itself").isEmpty();
			browser.select("#agent-status", "offline");
			browser.waitForText("#inbox-status-notice", "You are offline");
			browser.click("#inbox-status-notice [data-go-online]");
			browser.waitUntilGone("#inbox-status-notice");
			browser.waitUntil((d) -> "online".equals(browser.find(".status-switch").getAttribute("data-status")));
			assertThat(api.get("/api/v1/agents/me").json().path("status").asString()).isEqualTo("online");
		}
		finally {
			// Online, he would be routed the other tests' visitors.
			ApiClient api = client();
			api.login(agent.name(), OWN_PASSWORD);
			assertThat(api.put("/api/v1/agents/me/status", Map.of("status", "offline")).status()).isEqualTo(200);
		}
	}

	@Test
	void aHiddenTabShowsOneDesktopNotificationPerConversationOnlyAfterTheAgentTurnedThemOn() throws Exception {
		TestVisitor visitor = visitorWithConversation(channelKey());
		Staff agent = staff("agent");
		try (Browser browser = Browser.open(this.port)) {
			recordNotifications(browser);
			ApiClient api = signIn(browser, agent.name());
			take(api, visitor.conversationId());
			browser.go("/console/inbox?view=mine");
			browser.waitFor("[data-conversation-id=\"" + visitor.conversationId() + "\"]");
			assertThat(browser.script("return window.__permissionRequests")).as("never asked on page load")
				.isEqualTo(0L);

			// Refused: said, and nothing shown while the tab is hidden (only the title
			// counts).
			browser.script("window.__notificationAnswer = 'denied'");
			browser.click("#notify-on");
			browser.waitForText("#desktop-notifications", "blocked");
			browser.script("window.__hidden = true");
			say(visitor, "first", "Are you there?");
			browser.waitUntil((d) -> d.getTitle().startsWith("(1)"));
			assertThat(notifications(browser)).isEmpty();

			// Granted on a later visit, from the button.
			browser.go("/console/inbox?view=mine");
			browser.click("#notify-on");
			browser.waitFor("#notify-off");
			browser.script("window.__hidden = true");
			say(visitor, "second", "My order number is 42");
			browser.waitUntil((d) -> notifications(browser).size() == 1);
			ApiClient.Response note = admin().post("/api/v1/conversations/" + visitor.conversationId() + "/notes",
					Map.of("text", "Internal: refund risk, check the account"));
			assertThat(note.status()).as(note.toString()).isIn(200, 201);
			say(visitor, "third", "Hello again");
			browser.waitUntil((d) -> notifications(browser).size() == 2);

			List<Map<String, Object>> shown = notifications(browser);
			assertThat(shown).extracting((n) -> n.get("tag"))
				.as("one per conversation: the newer replaces the older")
				.containsOnly("parley-conversation-" + visitor.conversationId());
			assertThat(shown).extracting((n) -> n.get("body")).containsExactly("My order number is 42", "Hello again");
			assertThat(shown.toString()).doesNotContain("refund risk");

			browser.script("window.__hidden = false; window.__notifications.at(-1).onclick()");
			browser.waitUntil((d) -> d.getCurrentUrl().contains("conversation=" + visitor.conversationId()));
			browser.waitForText("#conv-messages", "Hello again");
		}
	}

	@Test
	void aConversationSnoozedUntilTheCustomerRepliesWaitsUnderSnoozedAndComesBackWhenTheyWrite() throws Exception {
		TestVisitor visitor = visitorWithConversation(channelKey());
		Staff agent = staff("agent");
		String item = "[data-conversation-id=\"" + visitor.conversationId() + "\"]";
		try (Browser browser = Browser.open(this.port)) {
			recordNotifications(browser);
			ApiClient api = signIn(browser, agent.name());
			take(api, visitor.conversationId());
			browser.go("/console/inbox?view=mine&conversation=" + visitor.conversationId());
			browser.waitFor("#reply-box");
			browser.waitFor("[data-list=\"mine\"] " + item);

			browser.click("#conv-snooze");
			browser.click(".snooze-dialog [data-preset=\"customer_reply\"]");
			browser.waitForText("#conv-snoozed", "Snoozed until the customer replies");
			browser.waitUntil((d) -> browser.findAll("[data-list=\"mine\"] " + item).isEmpty());
			browser.click("[data-view=\"snoozed\"]");
			browser.waitForText("[data-list=\"snoozed\"] " + item, "until the customer replies");

			browser.script("window.__hidden = true");
			say(visitor, "snoozed-reply", "Found the receipt");
			browser.waitUntil((d) -> d.getTitle().startsWith("(1)"));
			browser.waitUntil((d) -> browser.findAll("[data-list=\"snoozed\"] " + item).isEmpty());
			browser.script("window.__hidden = false");
			browser.click("[data-view=\"mine\"]");
			browser.waitForText("[data-list=\"mine\"] " + item, "Found the receipt");
			browser.waitUntilGone("#conv-snoozed");
			browser.waitFor("#conv-snooze");
		}
	}

	/** From the next page on, the page's notifications and visibility are the test's. */
	private static void recordNotifications(Browser browser) throws java.io.IOException {
		try (java.io.InputStream in = AgentWorkspaceBrowserTests.class
			.getResourceAsStream("/browser/notification-recorder.js")) {
			((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
					Map.of("source", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> notifications(Browser browser) {
		return (List<Map<String, Object>>) browser
			.script("return window.__notifications.map((n) => ({ title: n.title, body: n.body, tag: n.tag }))");
	}

	private static void say(TestVisitor visitor, String clientId, String text) {
		ApiClient.Response sent = visitor.api()
			.post("/api/v1/widget/conversations/" + visitor.conversationId() + "/messages",
					Map.of("clientId", clientId, "text", text));
		assertThat(sent.status()).as(sent.toString()).isIn(200, 201);
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
