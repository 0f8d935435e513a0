package dev.parley.conversations.realtime;

import java.util.List;
import java.util.Map;

import dev.parley.platform.Permission;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SocketClient;
import dev.parley.testing.StaffAuthentications;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recipient that does not read (its socket blocks every send) holds up neither the
 * sender's {@code ack} nor the conversation's other recipients (written from the same
 * fan-out thread); once it reads again it gets every message, in order. The slow
 * recipient is a connection of the conversation's agent whose session blocks until
 * released; the sender is a real visitor socket.
 */
class SlowRecipientTests extends IntegrationTest {

	@Autowired
	ConnectionRegistry registry;

	@Test
	void theSendersAckDoesNotWaitForARecipientThatDoesNotRead() {
		ApiClient agent = signedInAs("agent");
		long agentId = agent.get("/api/v1/session").json().path("user").path("id").asLong();
		ApiClient admin = admin();
		ApiClient.Response channel = admin.post("/api/v1/channels",
				Map.of("kind", "api", "name", unique("Channel"), "allowedOrigins", List.of("*")));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		String key = admin.get("/api/v1/channels/" + channel.json().path("id").asLong()).json().path("key").asString();
		String token = client().post("/api/v1/widget/channels/" + key + "/visitors", Map.of())
			.json()
			.path("token")
			.asString();
		ApiClient visitor = client().withHeader("X-Parley-Visitor", token);
		long conversation = visitor.post("/api/v1/widget/conversations", Map.of()).json().path("id").asLong();
		assertThat(agent.post("/api/v1/conversations/" + conversation + "/assign", Map.of()).status()).isEqualTo(200);

		FakeSession stuck = new FakeSession().block();
		Connection slow = new Connection(stuck, true, null, Gateway.now());
		slow.authenticateStaff(
				StaffAuthentications.of(agentId, "slow", Permission.CONVERSATION_VIEW, Permission.CONVERSATION_REPLY),
				Gateway.now());
		this.registry.opened(slow);
		this.registry.join(slow, conversation);
		try (SocketClient socket = SocketClient.visitor(this.port, token)) {
			for (int i = 1; i <= 3; i++) {
				socket.send(Map.of("type", "send", "conversationId", conversation, "clientId", "v-" + i, "text",
						"message " + i));
				JsonNode ack = socket.expect("ack");
				assertThat(ack.path("clientId").asString()).isEqualTo("v-" + i);
			}
			// the conversation's other recipients, on the same fan-out thread, get theirs
			Eventually.until("the visitor's own message frames",
					() -> socket.seen()
						.stream()
						.filter((f) -> f.path("type").asString().equals("message"))
						.count() == 3);
		}
		finally {
			stuck.release();
		}
		Eventually.until("the slow recipient has every message", () -> messages(stuck).size() >= 3);
		assertThat(messages(stuck)).containsExactly("message 1", "message 2", "message 3");
		this.registry.closed(slow);
	}

	private static List<String> messages(FakeSession session) {
		return session.sent()
			.stream()
			.filter((frame) -> frame.contains("\"type\":\"message\""))
			.map((frame) -> frame.replaceAll(".*\"text\":\"([^\"]*)\".*", "$1"))
			.filter((text) -> text.startsWith("message "))
			.toList();
	}

}
