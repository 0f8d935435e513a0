package dev.parley.conversations;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule for the text Parley takes from outside, on every path: well-formed UTF-16 (no
 * lone surrogate, which no socket can carry), no NUL (which PostgreSQL refuses) and no
 * other control character but tab and line breaks. A refused message changes nothing and
 * costs no connection its life.
 */
class TextValidationTests extends ChatTest {

	/** JSON string bodies, escaped as a client would send them. */
	private static final List<String> BAD = List.of("lone \\ud800 high", "lone \\udc00 low", "nul \\u0000 inside",
			"bell \\u0007 rings", "reversed \\udc00\\ud800 pair", "not a character \\uffff");

	@Test
	void malformedTextIsRefusedOverRestEverywhereTheVisitorWrites() {
		String key = channelKey();
		TestVisitor visitor = visitorWithConversation(key);
		String messages = "/api/v1/widget/conversations/" + visitor.conversationId() + "/messages";
		int i = 0;
		for (String bad : BAD) {
			i++;
			assertRefused(visitor.api(), messages, "{\"clientId\":\"bad-" + i + "\",\"text\":\"" + bad + "\"}", bad);
			assertRefused(visitor.api(), "/api/v1/widget/messages",
					"{\"clientId\":\"left-" + i + "\",\"email\":\"a@example.com\",\"text\":\"" + bad + "\"}", bad);
			assertRefused(client(), "/api/v1/widget/channels/" + key + "/visitors", "{\"name\":\"" + bad + "\"}", bad);
		}
		assertThat(transcript(visitor.api(), "/api/v1/widget/conversations/", visitor.conversationId()))
			.as("nothing was stored but the pre-chat question")
			.noneMatch((m) -> "text".equals(m.path("kind").asString())
					&& !"prechat".equals(m.path("clientId").asString()));
		ApiClient.Response emoji = visitor.api()
			.sendRaw("POST", messages, "{\"clientId\":\"ok-1\",\"text\":\"fine \\ud83d\\ude00 tab\\tline\\nend\"}",
					"application/json");
		assertThat(emoji.status()).as(emoji.toString()).isEqualTo(201);
		assertThat(emoji.json().path("text").asString()).isEqualTo("fine \ud83d\ude00 tab\tline\nend");
	}

	@Test
	void malformedTextIsRefusedWhereStaffWrite() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient agent = signedInAs("agent");
		take(agent, visitor.conversationId());
		String conversation = "/api/v1/conversations/" + visitor.conversationId();
		for (String bad : BAD) {
			assertRefused(agent, conversation + "/messages", "{\"clientId\":\"a-bad\",\"text\":\"" + bad + "\"}", bad);
			assertRefused(agent, conversation + "/notes", "{\"text\":\"" + bad + "\"}", bad);
		}
		assertThat(agent.get(conversation + "/notes").json().size()).isZero();
	}

	@Test
	void aMalformedMessageOnTheSocketIsRefusedAndEveryConnectionGoesOn() {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient agent = signedInAs("agent");
		take(agent, visitor.conversationId());
		try (SocketClient visitorSocket = SocketClient.visitor(this.port, visitor.token());
				SocketClient agentSocket = SocketClient.staff(this.port, agent);
				SocketClient bystander = SocketClient.staff(this.port, signedInAs("agent"))) {
			for (String bad : BAD) {
				visitorSocket.sendText("{\"type\":\"send\",\"conversationId\":" + visitor.conversationId()
						+ ",\"clientId\":\"v-bad\",\"text\":\"" + bad + "\",\"ref\":\"r1\"}");
				JsonNode error = visitorSocket.expectError("validation_failed");
				assertThat(error.path("ref").asString()).isEqualTo("r1");
				agentSocket.sendText("{\"type\":\"send\",\"conversationId\":" + visitor.conversationId()
						+ ",\"clientId\":\"a-bad\",\"text\":\"" + bad + "\"}");
				agentSocket.expectError("validation_failed");
			}
			visitorSocket.send(text(visitor.conversationId(), "v-good", "still here"));
			visitorSocket.expect("ack");
			agentSocket.expect((f) -> f.path("type").asString().equals("message")
					&& f.path("message").path("clientId").asString().equals("v-good"), "the next good message");
			visitorSocket.assertStillUsable();
			agentSocket.assertStillUsable();
			bystander.assertStillUsable();
		}
	}

	private static void assertRefused(ApiClient client, String path, String body, String what) {
		ApiClient.Response refused = client.sendRaw("POST", path, body, "application/json");
		assertThat(refused.status()).as(what + " -> " + refused).isEqualTo(400);
		assertThat(refused.json().path("code").asString()).as(what).isEqualTo("validation_failed");
	}

}
