package dev.parley.conversations;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers only ever see an agent's public name: in messages, event lines, typing and
 * the conversation itself, over REST and over the socket. Staff see their colleagues'
 * display names.
 */
class PublicNameTests extends ChatTest {

	@Test
	void theVisitorSeesAgentsOnlyByTheirPublicNames() {
		String key = channelKey();
		TestVisitor visitor = visitorWithConversation(key);
		Agent lily = agent("Lily");
		Agent mei = agent("Mei");
		String conversation = "/api/v1/conversations/" + visitor.conversationId();
		try (SocketClient socket = SocketClient.visitor(this.port, visitor.token())) {
			take(lily.api(), visitor.conversationId());
			try (SocketClient staff = SocketClient.staff(this.port, lily.api())) {
				staff.send(Map.of("type", "typing", "conversationId", visitor.conversationId(), "typing", true));
				staff.send(text(visitor.conversationId(), "a-1", "Hello, I am here"));
				staff.expect("ack");
			}
			assertThat(lily.api().post(conversation + "/transfer", Map.of("toAgentId", mei.id())).status())
				.isEqualTo(200);
			assertThat(mei.api().post(conversation + "/close", Map.of()).status()).isEqualTo(200);
			JsonNode closed = socket.expect(
					(f) -> f.path("type").asString().equals("message")
							&& f.path("message").path("event").path("type").asString().equals("closed"),
					"the closed line");
			assertThat(closed.path("message").path("event").path("agent").asString()).isEqualTo("Mei");

			List<JsonNode> frames = socket.seen();
			assertThat(frames.toString()).as("no internal name on the visitor's socket")
				.doesNotContain(lily.displayName())
				.doesNotContain(mei.displayName());
			assertThat(frames).anyMatch(
					(f) -> f.path("type").asString().equals("typing") && f.path("name").asString().equals("Lily"));
			assertThat(frames).anyMatch((f) -> f.path("type").asString().equals("message")
					&& f.path("message").path("sender").path("name").asString().equals("Lily")
					&& f.path("message").path("text").asString().equals("Hello, I am here"));
			assertThat(frames).anyMatch((f) -> f.path("type").asString().equals("message")
					&& f.path("message").path("event").path("type").asString().equals("assigned")
					&& f.path("message").path("event").path("agent").asString().equals("Lily"));
			assertThat(frames).anyMatch((f) -> f.path("type").asString().equals("message")
					&& f.path("message").path("event").path("type").asString().equals("transferred")
					&& f.path("message").path("event").path("agent").asString().equals("Mei"));
			assertThat(frames).anyMatch((f) -> f.path("type").asString().equals("conversation")
					&& f.path("conversation").path("assignee").path("name").asString().equals("Lily"));
			assertThat(frames).allMatch((f) -> !f.path("type").asString().equals("conversation")
					|| f.path("conversation").path("visitor").isMissingNode());
		}
		// the same over REST
		List<JsonNode> transcript = transcript(visitor.api(), "/api/v1/widget/conversations/",
				visitor.conversationId());
		assertThat(transcript.toString()).doesNotContain(lily.displayName()).doesNotContain(mei.displayName());
		assertThat(transcript).anyMatch((m) -> m.path("sender").path("name").asString().equals("Lily"));
		ApiClient.Response again = visitor.api()
			.post("/api/v1/widget/conversations/" + visitor.conversationId() + "/messages",
					Map.of("clientId", "v-reopen", "text", "one more thing"));
		assertThat(again.status()).isEqualTo(201);
		ApiClient.Response arrived = client().post("/api/v1/widget/channels/" + key + "/visitors",
				Map.of("token", visitor.token()));
		JsonNode seen = arrived.json().path("conversation");
		assertThat(seen.path("assignee").path("name").asString()).isEqualTo("Mei");
		assertThat(seen.toString()).doesNotContain(mei.displayName());

		// staff see display names
		List<JsonNode> staffTranscript = transcript(admin(), "/api/v1/conversations/", visitor.conversationId());
		assertThat(staffTranscript).anyMatch((m) -> m.path("sender").path("name").asString().equals(lily.displayName())
				&& m.path("text").asString().equals("Hello, I am here"));
		assertThat(admin().get(conversation).json().path("assignee").path("displayName").asString())
			.isEqualTo(mei.displayName());
	}

	@Test
	void anAgentWithoutAPublicNameIsShownByTheDisplayName() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		Agent plain = agent(null);
		take(plain.api(), visitor.conversationId());
		JsonNode assigned = transcript(visitor.api(), "/api/v1/widget/conversations/", visitor.conversationId())
			.stream()
			.filter((m) -> m.path("event").path("type").asString().equals("assigned"))
			.findFirst()
			.orElseThrow();
		assertThat(assigned.path("event").path("agent").asString()).isEqualTo(plain.displayName());
	}

	record Agent(long id, String displayName, ApiClient api) {
	}

	private Agent agent(String publicName) {
		String username = unique("agent");
		JsonNode user = createUser(username, "agent");
		long id = user.path("id").asLong();
		if (publicName != null) {
			ApiClient.Response profile = admin().put("/api/v1/agents/" + id,
					Map.of("publicName", publicName, "capacity", 5));
			assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
		}
		ApiClient api = client();
		api.login(username, INITIAL_PASSWORD);
		api.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		return new Agent(id, user.path("displayName").asString(), api);
	}

}
