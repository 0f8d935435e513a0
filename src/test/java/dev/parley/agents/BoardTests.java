package dev.parley.agents;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor board shows agents, queues and conversations in progress; agents may not
 * see it.
 */
class BoardTests extends RoutingTest {

	@Test
	void showsAgentsQueuesAndWorkInProgress() {
		Agent online = agent(1, "online");
		long channel = channel();
		JsonNode group = group("least_busy", channel, List.of(online), null);
		String key = key(channel);
		long first = arrive(key);
		eventually("assigned", () -> assignee(first) != null);
		arrive(key);
		ApiClient supervisor = admin();
		eventually("one waiting in the group", () -> {
			JsonNode board = supervisor.get("/api/v1/board").json();
			for (JsonNode tile : board.path("groups")) {
				if (tile.path("id").asLong() == group.path("id").asLong()) {
					return tile.path("waiting").asInt() == 1 && tile.path("load").asInt() == 1
							&& tile.path("online").asInt() == 1;
				}
			}
			return false;
		});
		JsonNode board = supervisor.get("/api/v1/board").json();
		assertThat(board.path("conversations").findValuesAsString("id")).contains(String.valueOf(first));
		assertThat(board.path("agents").findValuesAsString("userId")).contains(String.valueOf(online.id()));
		assertThat(online.api().get("/api/v1/board").status()).isEqualTo(403);
		assertThat(online.api().get("/api/v1/agents/me").json().path("load").asInt()).isEqualTo(1);
		assertThat(online.api().put("/api/v1/agents/me/status", Map.of()).status()).isEqualTo(400);
	}

	@Test
	void eachConversationSaysSinceWhenItsVisitorAwaitsAReplyAndNamesAFileSent() {
		Agent online = agent(2, "online");
		long channel = channel();
		group("least_busy", channel, List.of(online), null);
		ApiClient visitor = visitor(key(channel));
		long id = visitor.post("/api/v1/widget/conversations", Map.of()).json().path("id").asLong();
		eventually("assigned", () -> assignee(id) != null);
		ApiClient supervisor = admin();
		assertThat(boardConversation(supervisor, id).path("waitingSince").isNull()).as("nothing said yet").isTrue();
		assertThat(supervisor.get("/api/v1/board").json().path("replyWarningSeconds").asInt()).isEqualTo(120);

		String messages = "/api/v1/widget/conversations/" + id + "/messages";
		ApiClient.Response first = visitor.post(messages, Map.of("clientId", "v-1", "text", "hello?"));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		String firstAt = first.json().path("createdAt").asString();
		this.clock.advance(java.time.Duration.ofSeconds(30));
		visitor.post(messages, Map.of("clientId", "v-2", "text", "anyone?"));
		assertThat(boardConversation(supervisor, id).path("waitingSince").asString()).as("since the first unanswered")
			.isEqualTo(firstAt);

		ApiClient.Response reply = online.api()
			.post("/api/v1/conversations/" + id + "/messages", Map.of("clientId", "a-1", "text", "Here I am"));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(boardConversation(supervisor, id).path("waitingSince").isNull()).as("answered").isTrue();

		ApiClient.Response file = visitor.upload("/api/v1/widget/conversations/" + id + "/attachments", "发票 May.pdf",
				"%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("clientId", "v-3"));
		assertThat(file.status()).as(file.toString()).isEqualTo(201);
		JsonNode withFile = boardConversation(supervisor, id);
		assertThat(withFile.path("lastMessagePreview").asString()).isEqualTo("发票 May.pdf");
		assertThat(withFile.path("lastMessageAttachment").asString()).isEqualTo("file");
		assertThat(withFile.path("waitingSince").asString()).isEqualTo(file.json().path("createdAt").asString());
	}

	@Test
	void theReplyWarningIsAnOrganisationSettingWithinBounds() {
		ApiClient admin = admin();
		try {
			assertThat(admin.put("/api/v1/settings", Map.of("routing.replyWarningSeconds", "5")).status())
				.isEqualTo(400);
			assertThat(admin.put("/api/v1/settings", Map.of("routing.replyWarningSeconds", "soon")).status())
				.isEqualTo(400);
			assertThat(signedInAs("supervisor").put("/api/v1/settings", Map.of("routing.replyWarningSeconds", "60"))
				.status()).isEqualTo(403);
			assertThat(admin.put("/api/v1/settings", Map.of("routing.replyWarningSeconds", "60")).status())
				.isBetween(200, 204);
			assertThat(admin.get("/api/v1/board").json().path("replyWarningSeconds").asInt()).isEqualTo(60);
		}
		finally {
			admin.put("/api/v1/settings", Map.of("routing.replyWarningSeconds", "120"));
		}
	}

	private static JsonNode boardConversation(ApiClient supervisor, long id) {
		for (JsonNode conversation : supervisor.get("/api/v1/board").json().path("conversations")) {
			if (conversation.path("id").asLong() == id) {
				return conversation;
			}
		}
		throw new AssertionError("conversation " + id + " is not on the board");
	}

}
