package dev.parley.tickets.internal.sla;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** SLA policies over HTTP: who may change them, bad input refused, changes audited. */
class SlaPolicyApiTests extends IntegrationTest {

	private static final String POLICIES = "/api/v1/ticket-sla-policies";

	@Autowired
	private JdbcClient jdbc;

	@Test
	void createsUpdatesOrdersAndDeletesPoliciesAndAuditsEachChange() {
		ApiClient admin = admin();
		long group = new SlaFixtures(this.jdbc, admin).group(Map.of());
		String name = unique("Gold");
		ApiClient.Response created = admin.post(POLICIES,
				Map.of("name", name, "priority", "HIGH", "groupId", group, "type", "COMPLAINT", "firstResponseMinutes",
						30, "resolutionMinutes", 480, "calendar", "BUSINESS", "warnBeforeMinutes", 10,
						"escalateRaisePriority", true, "escalateGroupId", group));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode policy = created.json();
		long id = policy.path("id").asLong();
		assertThat(policy.path("matchPriority").asString()).isEqualTo("HIGH");
		assertThat(policy.path("matchType").asString()).isEqualTo("COMPLAINT");
		assertThat(policy.path("enabled").asBoolean()).isTrue();
		assertThat(policy.path("nextResponseMinutes").isNull()).isTrue();

		ApiClient.Response updated = admin.put(POLICIES + "/" + id,
				Map.of("name", name, "enabled", false, "resolutionMinutes", 240, "calendar", "ALWAYS"));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.json().path("enabled").asBoolean()).isFalse();
		assertThat(updated.json().path("matchPriority").isNull()).isTrue();
		assertThat(updated.json().path("calendar").asString()).isEqualTo("ALWAYS");

		long other = admin
			.post(POLICIES, Map.of("name", unique("Silver"), "enabled", false, "firstResponseMinutes", 60))
			.json()
			.path("id")
			.asLong();
		List<Long> ids = ids(admin.get(POLICIES).json());
		List<Long> reversed = new ArrayList<>(ids);
		java.util.Collections.reverse(reversed);
		ApiClient.Response ordered = admin.put(POLICIES + "/order", Map.of("ids", reversed));
		assertThat(ordered.status()).as(ordered.toString()).isEqualTo(200);
		assertThat(ids(ordered.json())).isEqualTo(reversed);
		// an order that leaves one out, or names one twice, changes nothing
		assertThat(admin.put(POLICIES + "/order", Map.of("ids", reversed.subList(1, reversed.size()))).status())
			.isEqualTo(400);
		List<Long> twice = new ArrayList<>(reversed);
		twice.set(0, twice.get(twice.size() - 1));
		assertThat(admin.put(POLICIES + "/order", Map.of("ids", twice)).status()).isEqualTo(400);
		assertThat(ids(admin.get(POLICIES).json())).isEqualTo(reversed);

		assertThat(admin.delete(POLICIES + "/" + id).status()).isEqualTo(204);
		assertThat(admin.delete(POLICIES + "/" + other).status()).isEqualTo(204);
		assertThat(admin.delete(POLICIES + "/" + id).status()).isEqualTo(404);
		assertThat(admin.put(POLICIES + "/" + id, Map.of("name", name, "firstResponseMinutes", 5)).status())
			.isEqualTo(404);
		assertThat(audited(name)).containsExactlyInAnyOrder("ticket.sla_policy.created", "ticket.sla_policy.updated",
				"ticket.sla_policy.deleted");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'ticket.sla_policy.reordered'")
			.query(Integer.class)
			.single()).isPositive();
	}

	@Test
	void refusesBadPoliciesAndChangesNothing() {
		ApiClient admin = admin();
		int before = admin.get(POLICIES).json().size();
		Map<String, Object> good = Map.of("name", unique("Bad"), "enabled", false, "firstResponseMinutes", 60);
		List<Map<String, Object>> bad = List.of(with(good, "name", " "), with(good, "name", "x".repeat(81)),
				with(good, "firstResponseMinutes", 0), with(good, "firstResponseMinutes", 525_601),
				with(good, "resolutionMinutes", -5), with(good, "warnBeforeMinutes", 0),
				Map.of("name", unique("None"), "calendar", "ALWAYS"), with(good, "calendar", "WEEKDAYS"),
				with(good, "priority", "SUPER"), with(good, "type", "GRIPE"), with(good, "groupId", 987_654_321L),
				with(good, "escalateGroupId", 987_654_321L), with(good, "levelId", 987_654_321L));
		for (Map<String, Object> form : bad) {
			ApiClient.Response refused = admin.post(POLICIES, form);
			assertThat(refused.status()).as(form + " -> " + refused).isEqualTo(400);
			assertThat(refused.code()).as(refused.toString()).isNotBlank();
		}
		ApiClient.Response unreadable = admin.sendRaw("POST", POLICIES, "{\"firstResponseMinutes\": \"soon\"}",
				"application/json");
		assertThat(unreadable.status()).isEqualTo(400);
		long id = admin.post(POLICIES, good).json().path("id").asLong();
		assertThat(admin.put(POLICIES + "/" + id, with(good, "firstResponseMinutes", 0)).status()).isEqualTo(400);
		assertThat(admin.get(POLICIES).json().size()).isEqualTo(before + 1);
		assertThat(admin.delete(POLICIES + "/" + id).status()).isEqualTo(204);
	}

	@Test
	void agentsSeePoliciesButOnlyTicketManagersChangeThem() {
		ApiClient admin = admin();
		long id = admin.post(POLICIES, Map.of("name", unique("Kept"), "enabled", false, "firstResponseMinutes", 60))
			.json()
			.path("id")
			.asLong();
		ApiClient agent = signedInAs("agent");
		assertThat(agent.get(POLICIES).status()).isEqualTo(200);
		Map<String, Object> form = Map.of("name", unique("Mine"), "firstResponseMinutes", 1);
		assertThat(agent.post(POLICIES, form).status()).isEqualTo(403);
		assertThat(agent.put(POLICIES + "/" + id, form).status()).isEqualTo(403);
		assertThat(agent.put(POLICIES + "/order", Map.of("ids", List.of(id))).status()).isEqualTo(403);
		assertThat(agent.delete(POLICIES + "/" + id).status()).isEqualTo(403);
		assertThat(client().get(POLICIES).status()).isIn(401, 403);
		assertThat(ids(admin.get(POLICIES).json())).contains(id);
		assertThat(admin.delete(POLICIES + "/" + id).status()).isEqualTo(204);
	}

	private static Map<String, Object> with(Map<String, Object> form, String field, Object value) {
		Map<String, Object> copy = new HashMap<>(form);
		copy.put(field, value);
		return copy;
	}

	private static List<Long> ids(JsonNode policies) {
		List<Long> ids = new ArrayList<>();
		policies.forEach((p) -> ids.add(p.path("id").asLong()));
		return ids;
	}

	private List<String> audited(String target) {
		return this.jdbc.sql("SELECT action FROM audit_event WHERE target = ?")
			.param(target)
			.query(String.class)
			.list();
	}

}
