package dev.parley.conversations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Live-chat test helpers: channels, visitors arriving, conversations taken by agents. */
abstract class ChatTest extends IntegrationTest {

	/**
	 * A visitor as the widget holds it: token, ids, and a client sending the token
	 * header.
	 */
	record TestVisitor(String token, long visitorId, long conversationId, ApiClient api) {
	}

	protected JsonNode createChannel(Map<String, Object> overrides) {
		Map<String, Object> body = new HashMap<>(Map.of("kind", "website", "name", unique("Site"), "allowedOrigins",
				List.of("https://shop.example.com"), "greeting", "Hello!", "prechatEnabled", false));
		body.putAll(overrides);
		ApiClient.Response response = admin().post("/api/v1/channels", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	protected String channelKey() {
		return createChannel(Map.of()).path("key").asString();
	}

	protected ApiClient.Response arrive(String key, Map<String, Object> body) {
		return client().post("/api/v1/widget/channels/" + key + "/visitors", body);
	}

	/** A new visitor on a channel, with an open (waiting) conversation. */
	protected TestVisitor visitorWithConversation(String key) {
		ApiClient.Response arrived = arrive(key, Map.of("name", "Visitor", "pageUrl", "https://shop.example.com/cart"));
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		String token = arrived.json().path("token").asString();
		ApiClient api = client().withHeader("X-Parley-Visitor", token);
		ApiClient.Response started = api.post("/api/v1/widget/conversations", Map.of("question", "Where is my order?"));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return new TestVisitor(token, arrived.json().path("visitor").path("id").asLong(),
				started.json().path("id").asLong(), api);
	}

	protected void take(ApiClient agent, long conversationId) {
		ApiClient.Response taken = agent.post("/api/v1/conversations/" + conversationId + "/assign", Map.of());
		assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
	}

	protected static Map<String, Object> text(long conversationId, String clientId, String text) {
		return Map.of("type", "send", "conversationId", conversationId, "clientId", clientId, "text", text);
	}

	protected List<JsonNode> transcript(ApiClient agentOrVisitor, String base, long conversationId) {
		ApiClient.Response page = agentOrVisitor.get(base + conversationId + "/messages?after=0&limit=200");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		List<JsonNode> items = new java.util.ArrayList<>();
		page.json().path("items").forEach(items::add);
		return items;
	}

}
