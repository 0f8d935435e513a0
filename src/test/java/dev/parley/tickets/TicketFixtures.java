package dev.parley.tickets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.VouchedIdentity;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers, groups and tickets for the ticket tests. */
public final class TicketFixtures {

	private final JdbcClient jdbc;

	private final ApiClient admin;

	public TicketFixtures(JdbcClient jdbc, ApiClient admin) {
		this.jdbc = jdbc;
		this.admin = admin;
	}

	/** A customer record, as an import would leave it. */
	public long customer(String name) {
		long now = System.currentTimeMillis();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO customer (name, first_seen_at, last_seen_at, conversation_count, created_at, "
					+ "updated_at, version) VALUES (?, ?, ?, 0, ?, ?, 0)")
			.params(name, now, now, now, now)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** A group of the given members (user ids), none a supervisor. */
	public long group(String name, List<Long> members) {
		ApiClient.Response group = this.admin.post("/api/v1/groups", Map.of("name", name, "routing", "manual",
				"members", members.stream().map((id) -> Map.of("userId", id, "supervisor", false)).toList()));
		assertThat(group.status()).as(group.toString()).isEqualTo(201);
		return group.json().path("id").asLong();
	}

	public JsonNode ticket(ApiClient as, long customerId, Map<String, Object> fields) {
		Map<String, Object> body = new HashMap<>(fields);
		body.putIfAbsent("subject", "Refund for order 1001");
		body.put("customerId", customerId);
		ApiClient.Response created = as.post("/api/v1/tickets", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	/**
	 * A conversation of the customer: a visitor starts one on a new channel, and is
	 * linked to the customer as identifying him would.
	 * @param fresh a client with no session (the visitor's browser)
	 */
	public long conversation(ApiClient fresh, long customerId) {
		String channel = this.admin
			.post("/api/v1/channels",
					Map.of("kind", "website", "name", "Shop-" + java.util.UUID.randomUUID().toString().substring(0, 8),
							"allowedOrigins", List.of("https://shop.example.com"), "prechatEnabled", false))
			.json()
			.path("key")
			.asString();
		JsonNode arrived = fresh.post("/api/v1/widget/channels/" + channel + "/visitors", Map.of()).json();
		ApiClient widget = fresh.withHeader("X-Parley-Visitor", arrived.path("token").asString());
		ApiClient.Response started = widget.post("/api/v1/widget/conversations",
				Map.of("question", "About my order", "name", "Visitor"));
		assertThat(started.status()).as(started.toString()).isIn(200, 201);
		long conversation = started.json().path("id").asLong();
		this.jdbc
			.sql("UPDATE visitor SET customer_id = ? WHERE id = (SELECT visitor_id FROM conversation WHERE id = ?)")
			.params(customerId, conversation)
			.update();
		return conversation;
	}

	/**
	 * A visitor arrives on a new website channel and starts a chat with a question.
	 * @param fresh a client with no session (the visitor's browser)
	 * @param vouchedEmail the address the site vouches for (his customer's verified one),
	 * or null for an anonymous visitor
	 * @return the conversation's id
	 */
	public long chat(ApiClient fresh, String name, String question, String vouchedEmail) {
		ApiClient.Response channel = this.admin.post("/api/v1/channels",
				Map.of("kind", "website", "name", "Site-" + java.util.UUID.randomUUID().toString().substring(0, 8),
						"allowedOrigins", List.of("https://shop.example.com"), "prechatEnabled", false));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		Map<String, Object> visitor = new HashMap<>();
		if (vouchedEmail != null) {
			visitor.putAll(VouchedIdentity.email(channel.json(), vouchedEmail));
		}
		visitor.put("name", name);
		String key = channel.json().path("key").asString();
		ApiClient.Response arrived = fresh.post("/api/v1/widget/channels/" + key + "/visitors", visitor);
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		ApiClient widget = fresh.withHeader("X-Parley-Visitor", arrived.json().path("token").asString());
		ApiClient.Response started = widget.post("/api/v1/widget/conversations",
				Map.of("question", question, "name", name));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.json().path("id").asLong();
	}

	/** An agent takes a waiting chat. */
	public void take(ApiClient agent, long conversationId) {
		ApiClient.Response taken = agent.post("/api/v1/conversations/" + conversationId + "/assign", Map.of());
		assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
	}

	/**
	 * A staff member with a role, signed in on {@code fresh} with his own password
	 * ({@code IntegrationTest.OWN_PASSWORD}, what a browser signs in with).
	 */
	public Staff staff(String role, ApiClient fresh) {
		String name = role + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		long roleId = this.admin.get("/api/v1/roles")
			.json()
			.valueStream()
			.filter((r) -> r.path("name").asString().equals(role))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asLong();
		ApiClient.Response created = this.admin.post("/api/v1/users",
				Map.of("username", name, "displayName", "User " + name, "email", name + "@example.com", "roleId",
						roleId, "password", IntegrationTest.INITIAL_PASSWORD));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(fresh.login(name, IntegrationTest.INITIAL_PASSWORD).status()).isEqualTo(200);
		ApiClient.Response changed = fresh.post("/api/v1/session/password", Map.of("currentPassword",
				IntegrationTest.INITIAL_PASSWORD, "newPassword", IntegrationTest.OWN_PASSWORD));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
		assertThat(fresh.get("/api/v1/agents/me").status()).isEqualTo(200);
		return new Staff(name, created.json().path("id").asLong(), fresh);
	}

	/** A staff member: his username (to sign in with), user id and signed-in client. */
	public record Staff(String name, long id, ApiClient api) {
	}

	public static long userId(ApiClient client) {
		return client.get("/api/v1/session").json().path("user").path("id").asLong();
	}

}
