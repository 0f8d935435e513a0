package dev.parley.agents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.parley.agents.internal.Router;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers for routing tests: agents with capacities, groups, visitors arriving. Routing
 * tests share a database of their own: an agent who goes online takes any waiting
 * conversation of a channel without a group, so other tests' conversations would be
 * routed to them. Each test leaves its agents offline, the conversations of its channels
 * closed and the clock where it found it, and the sweep runs only when a test asks
 * ({@link #routeNow()}), so what a test sees does not depend on when a scheduled sweep
 * happened to run.
 */
@TestPropertySource(properties = { "parley.test.context=routing", "parley.routing.sweep=1h" })
abstract class RoutingTest extends IntegrationTest {

	@Autowired
	private JdbcClient database;

	private final List<Agent> agents = new ArrayList<>();

	private final List<Long> channels = new ArrayList<>();

	private Instant startedAt;

	@BeforeEach
	void noteTheClock() {
		this.startedAt = this.clock.instant();
	}

	@Autowired
	protected Router router;

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
		Agent agent = new Agent(id, username, api);
		this.agents.add(agent);
		return agent;
	}

	protected long channel() {
		ApiClient.Response channel = admin().post("/api/v1/channels",
				Map.of("kind", "api", "name", unique("Channel"), "allowedOrigins", List.of("*")));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		long id = channel.json().path("id").asLong();
		this.channels.add(id);
		return id;
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

	/**
	 * Leaves nothing behind that the next test's agents could be given, and the clock
	 * where the test found it.
	 */
	@AfterEach
	void leaveNothingBehind() {
		eventsHandled();
		for (Agent agent : this.agents) {
			agent.api().put("/api/v1/agents/me/status", Map.of("status", "offline"));
		}
		ApiClient admin = admin();
		if (!this.channels.isEmpty()) {
			List<Long> open = this.database
				.sql("SELECT id FROM conversation WHERE status <> 'closed' AND channel_id IN (:channels)")
				.param("channels", this.channels)
				.query(Long.class)
				.list();
			for (long id : open) {
				admin.post("/api/v1/conversations/" + id + "/close", Map.of());
			}
		}
		eventsHandled();
		this.clock.set(this.startedAt);
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

	/**
	 * Routes now what the application would route by itself: waits until every module
	 * event's listener (the router's among them) has run, then runs the sweep that
	 * otherwise runs on a schedule, and waits for what that set off.
	 */
	protected void routeNow() {
		eventsHandled();
		this.router.sweep();
		eventsHandled();
	}

	static void eventually(String what, BooleanSupplier condition) {
		Eventually.until(what, condition);
	}

}
