package dev.parley.customers;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Visitors who become customers, for the customer record tests. */
final class CustomerFixtures {

	private final ApiClient admin;

	private final java.util.function.Supplier<ApiClient> client;

	private final JdbcClient jdbc;

	CustomerFixtures(ApiClient admin, java.util.function.Supplier<ApiClient> client, JdbcClient jdbc) {
		this.admin = admin;
		this.client = client;
		this.jdbc = jdbc;
	}

	JsonNode channel(String name) {
		ApiClient.Response response = this.admin.post("/api/v1/channels", Map.of("kind", "website", "name", name,
				"allowedOrigins", List.of("https://shop.example.com"), "prechatEnabled", false));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	/** A visitor who started a conversation (so he is a customer). */
	Visitor started(JsonNode channel, Map<String, Object> prechat) {
		JsonNode arrived = this.client.get()
			.post("/api/v1/widget/channels/" + channel.path("key").asString() + "/visitors", Map.of())
			.json();
		String token = arrived.path("token").asString();
		ApiClient widget = this.client.get().withHeader("X-Parley-Visitor", token);
		ApiClient.Response started = widget.post("/api/v1/widget/conversations", prechat);
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		long visitorId = arrived.path("visitor").path("id").asLong();
		long customerId = this.jdbc.sql("SELECT customer_id FROM visitor WHERE id = ?")
			.param(visitorId)
			.query(Long.class)
			.single();
		return new Visitor(channel.path("key").asString(), token, visitorId, customerId,
				started.json().path("id").asLong(), widget);
	}

	record Visitor(String channelKey, String token, long visitorId, long customerId, long conversationId,
			ApiClient widget) {
	}

}
