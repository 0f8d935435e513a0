package dev.parley.agents;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing by what a conversation asks for: the customer's language, the skills of his
 * level and of the group (topic) it waits in; the wait for a matching agent and the
 * fallback to anyone in the group after it; bad group settings refused.
 */
class RoutingByNeedsTests extends RoutingTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAgentWhoSpeaksTheCustomersLanguageIsPreferred() {
		// the English agent is first in turn: without languages he would get it
		Agent english = agentWith(3, List.of("en"), List.of());
		Agent chinese = agentWith(3, List.of("zh"), List.of());
		long channel = channel();
		group("least_busy", channel, List.of(english, chinese), null);
		long conversation = start(visitor(key(channel), Map.of("language", "zh-CN")));
		eventually("assigned", () -> assignee(conversation) != null);
		assertThat(assignee(conversation)).as("'zh' matches 'zh-CN'").isEqualTo(chinese.id());
		long other = start(visitor(key(channel), Map.of("language", "en-GB")));
		eventually("assigned", () -> assignee(other) != null);
		assertThat(assignee(other)).isEqualTo(english.id());
	}

	@Test
	void theSkillOfTheCustomersLevelAndOfTheGroupAreMatched() throws Exception {
		Agent plain = agentWith(3, List.of(), List.of("billing"));
		Agent vip = agentWith(3, List.of(), List.of("billing", "vip"));
		long channel = channel();
		JsonNode group = group("least_busy", channel, List.of(plain, vip), null);
		updateGroup(group, Map.of("requiredSkills", List.of("Billing")));
		String level = unique("Gold");
		this.jdbc.sql("INSERT INTO customer_level (name, position, routing_skill, created_at) VALUES (?, 1, 'vip', 0)")
			.param(level)
			.update();
		long levelId = this.jdbc.sql("SELECT id FROM customer_level WHERE name = ?")
			.param(level)
			.query(Long.class)
			.single();

		Map<String, Object> arrival = new HashMap<>(vouched(channel, unique("member")));
		arrival.put("language", "en-US");
		Visitor gold = visitor(key(channel), arrival);
		this.jdbc
			.sql("UPDATE customer SET level_id = ?, language = 'fr-CA' WHERE id = "
					+ "(SELECT customer_id FROM visitor WHERE id = ?)")
			.params(levelId, gold.id())
			.update();
		long conversation = start(gold);
		eventually("assigned", () -> assignee(conversation) != null);
		assertThat(assignee(conversation)).as("billing (the group's) and vip (the level's)").isEqualTo(vip.id());
		assertThat(this.jdbc.sql("SELECT routing_skills FROM conversation WHERE id = ?")
			.param(conversation)
			.query(String.class)
			.single()).isEqualTo("vip");
		assertThat(this.jdbc.sql("SELECT routing_language FROM conversation WHERE id = ?")
			.param(conversation)
			.query(String.class)
			.single()).as("the customer record's language, not the browser's").isEqualTo("fr-CA");
	}

	@Test
	void nobodyMatchingAvailableWaitsForTheGroupsWaitThenGoesToAnyone() {
		Agent chinese = agentWith(1, List.of("zh"), List.of());
		Agent english = agentWith(3, List.of("en"), List.of());
		long channel = channel();
		JsonNode group = group("least_busy", channel, List.of(chinese, english), null);
		updateGroup(group, Map.of("fallbackAfter", 30));
		long busy = start(visitor(key(channel), Map.of("language", "zh")));
		eventually("the Chinese agent is full", () -> assignee(busy) != null);
		assertThat(assignee(busy)).isEqualTo(chinese.id());

		long waiting = start(visitor(key(channel), Map.of("language", "zh-TW")));
		routeNow();
		assertThat(assignee(waiting)).as("waits for the Chinese agent").isNull();
		this.clock.advance(Duration.ofSeconds(20));
		routeNow();
		assertThat(assignee(waiting)).as("still within the wait").isNull();
		this.clock.advance(Duration.ofSeconds(11));
		routeNow();
		assertThat(assignee(waiting)).as("the wait ran out: anyone in the group").isEqualTo(english.id());
	}

	@Test
	void aMatchingAgentWithRoomDuringTheWaitGetsIt() {
		Agent chinese = agentWith(1, List.of("zh"), List.of());
		Agent english = agentWith(3, List.of("en"), List.of());
		long channel = channel();
		group("least_busy", channel, List.of(chinese, english), null);
		long busy = start(visitor(key(channel), Map.of("language", "zh")));
		eventually("the Chinese agent is full", () -> assignee(busy) != null);
		long waiting = start(visitor(key(channel), Map.of("language", "zh")));
		routeNow();
		assertThat(assignee(waiting)).isNull();
		assertThat(english.api().get("/api/v1/agents/me").json().path("load").asInt()).isZero();
		assertThat(chinese.api().post("/api/v1/conversations/" + busy + "/close", Map.of()).status()).isEqualTo(200);
		eventually("the freed Chinese agent takes it", () -> {
			Long assignee = assignee(waiting);
			return assignee != null && assignee == chinese.id();
		});
	}

	@Test
	void withoutAWaitOrAnyoneToWaitForItGoesToAnyoneAtOnce() {
		Agent english = agentWith(2, List.of("en"), List.of());
		Agent offlineChinese = agentWith(2, List.of("zh"), List.of());
		offlineChinese.api().put("/api/v1/agents/me/status", Map.of("status", "offline"));
		long channel = channel();
		JsonNode group = group("least_busy", channel, List.of(english, offlineChinese), null);
		updateGroup(group, Map.of("fallbackAfter", 0));
		long noWait = start(visitor(key(channel), Map.of("language", "zh")));
		eventually("no wait: anyone", () -> assignee(noWait) != null);
		assertThat(assignee(noWait)).isEqualTo(english.id());

		long other = channel();
		group("least_busy", other, List.of(english), null);
		long nobodySpeaksIt = start(visitor(key(other), Map.of("language", "fr")));
		eventually("nobody in the group speaks French: anyone at once", () -> assignee(nobodySpeaksIt) != null);
		assertThat(assignee(nobodySpeaksIt)).isEqualTo(english.id());
	}

	@Test
	void badMatchingSettingsAreRefusedAndChangeNothing() {
		long channel = channel();
		JsonNode group = group("least_busy", channel, List.of(), null);
		assertThat(group.path("fallbackAfter").asInt()).isEqualTo(60);
		assertThat(group.path("requiredSkills").isEmpty()).isTrue();
		for (Map<String, Object> bad : List.of(Map.<String, Object>of("fallbackAfter", -1),
				Map.<String, Object>of("fallbackAfter", 3601), Map.<String, Object>of("fallbackAfter", "soon"),
				Map.<String, Object>of("requiredSkills", List.of("two words")),
				Map.<String, Object>of("requiredSkills", List.of("")),
				Map.<String, Object>of("requiredSkills", List.of("x".repeat(31))))) {
			Map<String, Object> body = new HashMap<>(Map.of("name", group.path("name").asString()));
			body.putAll(bad);
			ApiClient.Response response = admin().put("/api/v1/groups/" + group.path("id").asLong(), body);
			assertThat(response.status()).as(bad.toString()).isEqualTo(400);
		}
		JsonNode after = admin().get("/api/v1/groups/" + group.path("id").asLong()).json();
		assertThat(after.path("fallbackAfter").asInt()).isEqualTo(60);
		assertThat(after.path("requiredSkills").isEmpty()).isTrue();
		Map<String, Object> create = Map.of("name", unique("Team"), "fallbackAfter", -5);
		assertThat(admin().post("/api/v1/groups", create).status()).isEqualTo(400);
	}

	private Agent agentWith(int capacity, List<String> languages, List<String> skills) {
		Agent agent = agent(capacity, "online");
		ApiClient.Response profile = admin().put("/api/v1/agents/" + agent.id(),
				Map.of("capacity", capacity, "languages", languages, "skills", skills));
		assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
		return agent;
	}

	private void updateGroup(JsonNode group, Map<String, Object> changes) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", group.path("name").asString());
		body.put("routing", group.path("routing").asString());
		body.put("members", group.path("members"));
		body.put("channelIds", group.path("channelIds"));
		body.putAll(changes);
		ApiClient.Response updated = admin().put("/api/v1/groups/" + group.path("id").asLong(), body);
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
	}

	/** A visitor of the widget: his client and his id. */
	private record Visitor(ApiClient api, long id) {
	}

	private Visitor visitor(String key, Map<String, Object> arrival) {
		ApiClient.Response arrived = client().post("/api/v1/widget/channels/" + key + "/visitors", arrival);
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		return new Visitor(client().withHeader("X-Parley-Visitor", arrived.json().path("token").asString()),
				arrived.json().path("visitor").path("id").asLong());
	}

	private long start(Visitor visitor) {
		ApiClient.Response started = visitor.api().post("/api/v1/widget/conversations", Map.of());
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.json().path("id").asLong();
	}

	private Map<String, Object> vouched(long channel, String customerId) throws Exception {
		// the API shows the secret only when it is made: regenerate it
		String secret = admin().post("/api/v1/channels/" + channel + "/secret", Map.of())
			.json()
			.path("identitySecret")
			.asString();
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(), "HmacSHA256"));
		return Map.of("customerId", customerId, "customerHash",
				java.util.HexFormat.of().formatHex(mac.doFinal(customerId.getBytes())));
	}

}
