package dev.parley.conversations;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realtime protocol as the widget and the console live it (docs/protocol.md), with
 * the test standing in for the server where the server cannot be made to misbehave on
 * cue: the pages' sockets are recorded, and a frame may be refused with an error code,
 * dropped on its way in, or injected ({@link Browser#recordSockets()}). Everything else
 * is the real server.
 */
class RealtimeBrowserTests extends ChatTest {

	@Test
	void aMessageRefusedAsUnavailableIsResentWithTheSameClientIdAndAppearsOnce() {
		String key = createChannel(Map.of("allowedOrigins", List.of("*"))).path("key").asString();
		Agent chatAgent = agent();

		try (Browser visitor = Browser.open(this.port); Browser agent = Browser.open(this.port)) {
			visitor.recordSockets();
			visitor.go("/widget/frame?channel=" + key);
			visitor.type("#composer", "Hello, anyone there?");
			visitor.keys("#composer", Keys.ENTER);
			visitor.waitForText("#messages .message.visitor", "Hello, anyone there?");
			// the message shows at once; its frame goes once the conversation has started
			visitor.waitUntil((d) -> !visitor.sentFrames("send").isEmpty());
			long conversationId = visitor.sentFrames("send").get(0).path("conversationId").asLong();

			// The server could not store the next message in time, twice: the widget
			// keeps it.
			visitor.script("window.__parleySockets.refuse.send = ['unavailable', 'rate_limited']");
			visitor.type("#composer", "Is my order on its way?");
			visitor.keys("#composer", Keys.ENTER);
			visitor.waitUntil((d) -> visitor.findAll(".pw-pending").isEmpty()
					&& visitor.find("#messages").getText().contains("Is my order on its way?"));
			List<JsonNode> sends = sends(visitor, "Is my order on its way?");
			assertThat(sends).hasSize(3);
			assertThat(sends).extracting((frame) -> frame.path("clientId").asString()).containsOnly(clientId(sends));
			assertThat(visitor.findAll("[data-state=\"failed\"]")).isEmpty();

			ApiClient agentApi = signIn(agent, chatAgent.name());
			take(agentApi, conversationId);
			agent.recordSockets();
			agent.go("/console/inbox?view=mine&conversation=" + conversationId);
			agent.waitForText("#conv-messages", "Is my order on its way?");
			agent.script("window.__parleySockets.refuse.send = ['unavailable']");
			agent.type("#reply-box", "It left the warehouse today");
			agent.keys("#reply-box", Keys.ENTER);
			visitor.waitForText("#messages .message.agent", "It left the warehouse today");
			agent.waitUntil((d) -> agent.findAll("#conv-messages [data-state=\"sending\"]").isEmpty());
			assertThat(sends(agent, "It left the warehouse today")).hasSize(2);

			List<JsonNode> transcript = transcript(agentApi, "/api/v1/conversations/", conversationId);
			assertThat(transcript).filteredOn((m) -> m.path("text").asString().equals("Is my order on its way?"))
				.hasSize(1);
			assertThat(transcript).filteredOn((m) -> m.path("text").asString().equals("It left the warehouse today"))
				.hasSize(1);
			assertThat(agent.findAll("#conv-messages .message"))
				.filteredOn((element) -> element.getText().contains("It left the warehouse today"))
				.hasSize(1);
		}
	}

	@Test
	void aRefusalThatWaitingCannotChangeFailsTheMessageAtOnceAnInternalErrorAfterThreeTries() {
		String key = createChannel(Map.of("allowedOrigins", List.of("*"))).path("key").asString();
		try (Browser visitor = Browser.open(this.port)) {
			visitor.recordSockets();
			visitor.go("/widget/frame?channel=" + key);
			visitor.type("#composer", "First words");
			visitor.keys("#composer", Keys.ENTER);
			visitor.waitForText("#messages .message.visitor", "First words");

			visitor.script("window.__parleySockets.refuse.send = ['validation_failed']");
			visitor.type("#composer", "Refused words");
			visitor.keys("#composer", Keys.ENTER);
			visitor.waitFor(".pw-pending[data-state=\"failed\"]");
			assertThat(sends(visitor, "Refused words")).hasSize(1);

			visitor.click(".pw-retry");
			visitor.waitUntil((d) -> visitor.findAll(".pw-pending").isEmpty());
			visitor.waitUntil((d) -> sends(visitor, "Refused words").size() >= 2);
			List<JsonNode> sends = sends(visitor, "Refused words");
			assertThat(sends).hasSize(2);
			assertThat(sends).extracting((frame) -> frame.path("clientId").asString()).containsOnly(clientId(sends));

			// A fault on the server may pass: tried three times, then failed.
			visitor.script(
					"window.__parleySockets.refuse.send = ['internal_error', 'internal_error', 'internal_error', 'internal_error']");
			visitor.type("#composer", "Unlucky words");
			visitor.keys("#composer", Keys.ENTER);
			visitor.waitFor(".pw-pending[data-state=\"failed\"]");
			assertThat(sends(visitor, "Unlucky words")).hasSize(3);
		}
	}

	@Test
	void afterResyncTheWidgetAndTheConsoleSyncAndShowWhatTheyMissed() {
		String key = createChannel(Map.of("allowedOrigins", List.of("*"))).path("key").asString();
		Agent chatAgent = agent();
		try (Browser visitor = Browser.open(this.port); Browser agent = Browser.open(this.port)) {
			visitor.recordSockets();
			visitor.go("/widget/frame?channel=" + key);
			// the first words go over the socket only once it is ready (before, over
			// HTTP)
			visitor.waitUntil((driver) -> Boolean.TRUE.equals(
					visitor.script("return window.__parleySockets.received.some((frame) => frame.type === 'ready')")));
			visitor.type("#composer", "Hello");
			visitor.keys("#composer", Keys.ENTER);
			visitor.waitForText("#messages .message.visitor", "Hello");
			visitor.waitUntil((d) -> !visitor.sentFrames("send").isEmpty());
			JsonNode first = visitor.sentFrames("send").get(0);
			long conversationId = first.path("conversationId").asLong();
			ApiClient agentApi = signIn(agent, chatAgent.name());
			take(agentApi, conversationId);
			agent.recordSockets();
			agent.go("/console/inbox?view=mine&conversation=" + conversationId);
			agent.waitForText("#conv-messages", "Hello");
			long shownSeq = last(transcript(agentApi, "/api/v1/conversations/", conversationId)).path("seq").asLong();
			visitor.waitUntil((d) -> (Boolean) visitor.script(
					"return window.__parleySockets.received.some((f) => f.type === 'message' && f.message.seq === arguments[0])",
					shownSeq));

			// A live message the widget never receives (as in a broker outage between
			// nodes)...
			visitor.script("window.__parleySockets.drop.message = 1");
			ApiClient.Response reply = agentApi.post("/api/v1/conversations/" + conversationId + "/messages",
					Map.of("clientId", "lost-reply-1", "text", "Lost on the way"));
			assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
			long lostSeq = reply.json().path("seq").asLong();
			visitor
				.waitUntil((d) -> Long.valueOf(0).equals(visitor.script("return window.__parleySockets.drop.message")));
			assertThat(visitor.find("#messages").getText()).doesNotContain("Lost on the way");
			// ... until the server says it lost events: the widget asks for what it
			// lacks.
			visitor.injectFrame("{\"type\":\"resync\"}");
			visitor.waitForText("#messages", "Lost on the way");
			JsonNode sync = last(visitor.sentFrames("sync"));
			assertThat(sync.path("conversationId").asLong()).isEqualTo(conversationId);
			assertThat(sync.path("afterSeq").asLong()).isEqualTo(lostSeq - 1);

			// The same for the console: a visitor message the agent's socket never
			// receives.
			agent.waitForText("#conv-messages", "Lost on the way");
			agent.script("window.__parleySockets.drop.message = 1");
			int syncsBefore = agent.sentFrames("sync").size();
			visitor.type("#composer", "Missed by the console");
			visitor.keys("#composer", Keys.ENTER);
			agent.waitUntil((d) -> Long.valueOf(0).equals(agent.script("return window.__parleySockets.drop.message")));
			assertThat(agent.find("#conv-messages").getText()).doesNotContain("Missed by the console");
			agent.injectFrame("{\"type\":\"resync\"}");
			agent.waitForText("#conv-messages", "Missed by the console");
			List<JsonNode> syncs = agent.sentFrames("sync");
			assertThat(syncs).hasSizeGreaterThan(syncsBefore);
			assertThat(last(syncs).path("conversationId").asLong()).isEqualTo(conversationId);
		}
	}

	@Test
	void anOpenConversationTransferredOutOfReachShowsANoticeInsteadOfItsTranscript() {
		TestVisitor visitorOne = visitorWithConversation(channelKey());
		visitorOne.api()
			.post("/api/v1/widget/conversations/" + visitorOne.conversationId() + "/messages",
					Map.of("clientId", "private-1", "text", "My private address is ..."));
		Agent first = agent();
		Agent second = agent();
		try (Browser agent = Browser.open(this.port)) {
			ApiClient firstApi = signIn(agent, first.name());
			take(firstApi, visitorOne.conversationId());
			agent.go("/console/inbox?view=mine&conversation=" + visitorOne.conversationId());
			agent.waitForText("#conv-messages", "My private address is ...");

			ApiClient.Response transfer = admin().post(
					"/api/v1/conversations/" + visitorOne.conversationId() + "/transfer",
					Map.of("toAgentId", second.id()));
			assertThat(transfer.status()).as(transfer.toString()).isEqualTo(200);

			agent.waitFor("#conv-gone");
			assertThat(agent.findAll("#conv-messages")).isEmpty();
			assertThat(agent.find(".conv-pane").getText()).doesNotContain("My private address");
		}
	}

	@Test
	void aConsoleWhoseAccessIsRevokedReconnectsOnlyWhileStillSignedIn() {
		Agent chatAgent = agent();
		try (Browser agent = Browser.open(this.port)) {
			signIn(agent, chatAgent.name());
			agent.recordSockets();
			agent.go("/console/inbox");
			agent.waitUntil((d) -> openSockets(agent) == 1);

			// Still signed in (the server closed for a permission that is still there):
			// back once.
			agent.script("window.__parleySockets.close(4403)");
			agent.waitUntil((d) -> openSockets(agent) == 1 && socketCount(agent) == 2);

			// Signed out meanwhile (password changed elsewhere): the sign-in page, no new
			// socket.
			agent.driver().manage().deleteAllCookies();
			agent.script("window.__parleySockets.close(4403)");
			agent.waitForPath("/console/login");
			assertThat(openSockets(agent)).isZero();
		}
	}

	@Test
	void anAgentMentionsAColleagueInAnyCaseWhoFindsItLiveInHisMentions() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		Agent writer = agent();
		Agent reader = agent();
		try (Browser one = Browser.open(this.port); Browser two = Browser.open(this.port)) {
			ApiClient writerApi = signIn(one, writer.name());
			take(writerApi, visitor.conversationId());
			signIn(two, reader.name());
			// an agent searches his own transcripts too
			two.find("a[data-nav=\"transcripts\"]");
			two.click("a[data-nav=\"mentions\"]");
			two.waitForPath("/console/mentions");
			two.waitFor("#mentions-read-all");

			one.go("/console/inbox?view=mine&conversation=" + visitor.conversationId());
			one.click("button[data-compose=\"note\"]");
			one.type("#note-box", "Could you check this, @" + reader.name().toUpperCase());
			String suggestion = "#mention-picker [data-mention=\"" + reader.name() + "\"]";
			one.waitFor(suggestion);
			one.click(suggestion);
			one.find("#note-box").sendKeys("about the refund?");
			one.click("#note-send");

			// while his console is open: in the list and counted in the menu at once
			two.waitFor("#mentions li[data-read=\"false\"]");
			two.waitForText("[data-unread-mentions]", "1");
			assertThat(two.find("#mentions li").getText()).contains("about the refund?")
				.contains("User " + writer.name());
			two.click("#mentions li .mention-row");
			two.waitForPath("/console/inbox");
			two.waitUntil((d) -> two.findAll("[data-unread-mentions]").isEmpty());
			two.click("a[data-nav=\"mentions\"]");
			two.waitFor("#mentions li[data-read=\"true\"]");
			assertThat(two.find("#mentions-read-all").isEnabled()).isFalse();
		}
	}

	/** A new agent (with an agent profile) who chose their password. */
	private Agent agent() {
		String name = unique("agent");
		long id = createUser(name, "agent").path("id").asLong();
		ApiClient api = client();
		api.login(name, INITIAL_PASSWORD);
		api.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		assertThat(api.get("/api/v1/agents/me").status()).isEqualTo(200);
		return new Agent(name, id);
	}

	private record Agent(String name, long id) {
	}

	private ApiClient signIn(Browser browser, String username) {
		browser.signIn(username, OWN_PASSWORD);
		ApiClient api = client();
		assertThat(api.login(username, OWN_PASSWORD).status()).isEqualTo(200);
		return api;
	}

	private static List<JsonNode> sends(Browser browser, String text) {
		return browser.sentFrames("send")
			.stream()
			.filter((frame) -> frame.path("text").asString().equals(text))
			.toList();
	}

	private static String clientId(List<JsonNode> frames) {
		return frames.get(0).path("clientId").asString();
	}

	private static JsonNode last(List<JsonNode> frames) {
		assertThat(frames).isNotEmpty();
		return frames.get(frames.size() - 1);
	}

	private static long openSockets(Browser browser) {
		return (Long) browser
			.script("return window.__parleySockets.sockets.filter((s) => s.readyState === WebSocket.OPEN).length");
	}

	private static long socketCount(Browser browser) {
		return (Long) browser.script("return window.__parleySockets.sockets.length");
	}

}
