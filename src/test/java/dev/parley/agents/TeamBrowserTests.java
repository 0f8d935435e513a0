package dev.parley.agents;

import java.util.List;
import java.util.Map;

import dev.parley.testing.Browser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two agents online in a group, two visitors arrive and each agent gets one; one agent
 * transfers to the other with a note; the supervisor's live board shows the result.
 */
class TeamBrowserTests extends RoutingTest {

	@Test
	void eachAgentGetsOneThenOneTransfersAndTheBoardShowsIt() {
		Agent first = agent(2, "online");
		Agent second = agent(2, "online");
		long channel = channel();
		group("least_busy", channel, List.of(first, second), null);
		String key = key(channel);
		long one = arrive(key);
		long two = arrive(key);
		eventually("both assigned", () -> assignee(one) != null && assignee(two) != null);
		assertThat(List.of(assignee(one), assignee(two))).containsExactlyInAnyOrder(first.id(), second.id());
		long firstsConversation = (assignee(one) == first.id()) ? one : two;

		try (Browser firstBrowser = Browser.open(this.port);
				Browser secondBrowser = Browser.open(this.port);
				Browser supervisor = Browser.open(this.port)) {
			signIn(firstBrowser, first.username());
			signIn(secondBrowser, second.username());
			supervisor.signIn(ADMIN, ADMIN_PASSWORD);

			firstBrowser.go("/console/inbox?view=mine");
			firstBrowser.waitFor("li[data-conversation-id=\"" + firstsConversation + "\"]");
			secondBrowser.go("/console/inbox?view=mine");
			secondBrowser.waitFor("li[data-conversation-id]");
			assertThat(secondBrowser.findAll("li[data-conversation-id]")).hasSize(1);

			firstBrowser.click("li[data-conversation-id=\"" + firstsConversation + "\"]");
			firstBrowser.click("#conv-transfer");
			firstBrowser.waitFor("#transfer-agent option[value=\"" + second.id() + "\"]");
			firstBrowser.select("#transfer-agent", String.valueOf(second.id()));
			firstBrowser.type("#transfer-note", "Please take over, the customer asks for you");
			firstBrowser.click("#transfer-submit");

			secondBrowser.waitFor("li[data-conversation-id=\"" + firstsConversation + "\"]");
			eventually("first agent's list is empty",
					() -> firstBrowser.findAll("li[data-conversation-id=\"" + firstsConversation + "\"]").isEmpty());

			supervisor.go("/console/board");
			supervisor.waitForText("[data-board-agent=\"" + second.id() + "\"]", "2 / 2");
			supervisor.waitForText("[data-board-agent=\"" + first.id() + "\"]", "0 / 2");
		}
		assertThat(assignee(firstsConversation)).isEqualTo(second.id());
		assertThat(admin().get("/api/v1/conversations/" + firstsConversation + "/notes").json().toString())
			.contains("Please take over");
	}

	private void signIn(Browser browser, String username) {
		browser.signIn(username, OWN_PASSWORD);
	}

}
