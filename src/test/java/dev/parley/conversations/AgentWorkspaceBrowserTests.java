package dev.parley.conversations;

import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import org.junit.jupiter.api.Test;

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
