package dev.parley.agents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers for routing tests: agents with capacities, groups, visitors arriving. */
abstract class RoutingTest extends IntegrationTest {

	/** A signed-in agent. */
	record Agent(long id, String username, ApiClient api) {
	}

	protected Agent agent(int capacity, String status) {
		String username = unique("agent");
		long id = createUser(username, "agent").path("id").asLong();
		ApiClient api = client();
		api.login(username, INITIAL_PASSWORD);
		api.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		ApiClient.Response profile = admin().put("/api/v1/agents/" + id, Map.of("capacity", capacity));
		assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
		ApiClient.Response set = api.put("/api/v1/agents/me/status", Map.of("status", status));
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		return new Agent(id, username, api);
	}

	protected long channel() {
		ApiClient.Response channel = admin().post("/api/v1/channels",
				Map.of("kind", "api", "name", unique("Channel"), "allowedOrigins", List.of("*")));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		return channel.json().path("id").asLong();
	}

	protected String key(long channelId) {
		return admin().get("/api/v1/channels/" + channelId).json().path("key").asString();
	}

	protected JsonNode group(String routing, long channelId, List<Agent> members, Long overflow) {
		Map<String, Object> body = new HashMap<>(Map.of("name", unique("Group"), "routing", routing, "members",
				members.stream().map((a) -> Map.of("userId", a.id(), "supervisor", false)).toList(), "channelIds",
				List.of(channelId)));
		if (overflow != null) {
			body.put("overflowGroupId", overflow);
		}
		ApiClient.Response group = admin().post("/api/v1/groups", body);
		assertThat(group.status()).as(group.toString()).isEqualTo(201);
		return group.json();
	}

	/** A new visitor of the channel: a client carrying its visitor token. */
	protected ApiClient visitor(String key) {
		String token = client().post("/api/v1/widget/channels/" + key + "/visitors", Map.of())
			.json()
			.path("token")
			.asString();
		return client().withHeader("X-Parley-Visitor", token);
	}

	/** A visitor arrives on the channel and opens a conversation; returns its id. */
	protected long arrive(String key) {
		return visitor(key).post("/api/v1/widget/conversations", Map.of()).json().path("id").asLong();
	}

	protected JsonNode conversation(long id) {
		return admin().get("/api/v1/conversations/" + id).json();
	}

	protected Long assignee(long conversationId) {
		JsonNode assignee = conversation(conversationId).path("assignee");
		return assignee.isNull() || assignee.isMissingNode() ? null : assignee.path("id").asLong();
	}

	protected List<Long> assignees(List<Long> conversations) {
		List<Long> result = new ArrayList<>();
		conversations.forEach((id) -> result.add(assignee(id)));
		return result;
	}

	static void eventually(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within 15 s: " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
