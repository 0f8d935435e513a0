package dev.parley.tickets;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.parley.tickets.TicketCategoryTests.mapOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom fields: defined by who manages tickets, values given on create and on a change,
 * each checked against its type (nothing stored when one is wrong), each change in the
 * history, all shown with the ticket.
 */
class TicketCustomFieldTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void valuesOfEveryTypeAreCheckedStoredShownAndTheirChangesAreInTheHistory() {
		ApiClient admin = admin();
		String suffix = unique("f").substring(2).replace("-", "");
		String order = "order_" + suffix;
		String amount = "amount_" + suffix;
		String when = "bought_" + suffix;
		String reason = "reason_" + suffix;
		String gift = "gift_" + suffix;
		long[] ids = { field(admin, order, "Order", "TEXT", null, false),
				field(admin, amount, "Amount", "NUMBER", null, false),
				field(admin, when, "Bought", "DATE", null, false),
				field(admin, reason, "Reason", "CHOICE", List.of("Broken", "Late"), false),
				field(admin, gift, "Gift", "CHECKBOX", null, false) };
		try {
			TicketFixtures f = new TicketFixtures(this.jdbc, admin);
			long customer = f.customer("Wu");
			ApiClient agent = signedInAs("agent");
			JsonNode created = f.ticket(agent, customer, Map.of("fields",
					Map.of(order, "1001", amount, 20.50, when, "2026-12-01", reason, "Late", gift, true)));
			assertThat(value(created, order).asString()).isEqualTo("1001");
			assertThat(value(created, amount).decimalValue()).isEqualByComparingTo("20.5");
			assertThat(value(created, when).asString()).isEqualTo("2026-12-01");
			assertThat(value(created, reason).asString()).isEqualTo("Late");
			assertThat(value(created, gift).asBoolean()).isTrue();
			assertThat(fieldOf(created, reason).path("label").asString()).isEqualTo("Reason");
			assertThat(fieldOf(created, reason).path("type").asString()).isEqualTo("CHOICE");

			// bad values on create: nothing stored
			for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("colour_" + suffix, "red"),
					Map.of(amount, "twenty"), Map.of(when, "1 Dec"), Map.of(reason, "Lost"), Map.of(gift, "yes"),
					Map.of(order, 5))) {
				ApiClient.Response refused = agent.post("/api/v1/tickets",
						Map.of("customerId", customer, "subject", "Bad field", "fields", bad));
				assertThat(refused.status()).as(bad + " " + refused).isEqualTo(400);
				assertThat(refused.code()).isEqualTo("validation_failed");
			}
			ApiClient.Response unknown = agent.post("/api/v1/tickets",
					Map.of("customerId", customer, "subject", "Bad field", "fields", Map.of("nope_" + suffix, 1)));
			assertThat(unknown.json().toString()).contains("is not a custom field").contains("fields.nope_" + suffix);
			assertThat(agent.post("/api/v1/tickets", Map.of("customerId", customer, "subject", "x", "fields", "1"))
				.status()).isEqualTo(400);
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM ticket WHERE customer_id = ?")
				.param(customer)
				.query(Integer.class)
				.single()).isEqualTo(1);

			// a change: two values, one cleared; a wrong one changes nothing
			String path = "/api/v1/tickets/" + created.path("id").asLong();
			int version = created.path("version").asInt();
			ApiClient.Response wrong = agent.send("PATCH", path,
					Map.of("version", version, "fields", Map.of(order, "2002", reason, "Stolen")), "application/json");
			assertThat(wrong.status()).isEqualTo(400);
			assertThat(value(agent.get(path).json(), order).asString()).isEqualTo("1001");
			JsonNode changed = agent
				.send("PATCH", path,
						Map.of("version", version, "fields", mapOf(order, "2002", reason, "Broken", gift, null)),
						"application/json")
				.json();
			assertThat(value(changed, order).asString()).isEqualTo("2002");
			assertThat(value(changed, reason).asString()).isEqualTo("Broken");
			assertThat(value(changed, gift).isNull()).isTrue();
			assertThat(changed.path("version").asInt()).isEqualTo(version + 1);
			// the same values again change nothing
			JsonNode same = agent
				.send("PATCH", path,
						Map.of("version", changed.path("version").asInt(), "fields", Map.of(order, "2002")),
						"application/json")
				.json();
			assertThat(same.path("version").asInt()).isEqualTo(changed.path("version").asInt());

			JsonNode history = agent.get(path + "/history").json().path("items");
			List<JsonNode> fieldChanges = history.valueStream()
				.filter((e) -> e.path("action").asString().equals("field.changed"))
				.toList();
			assertThat(fieldChanges).hasSize(3);
			JsonNode orderChange = fieldChanges.stream()
				.filter((e) -> e.path("field").asString().equals(order))
				.findFirst()
				.orElseThrow();
			assertThat(orderChange.path("oldValue").asString()).isEqualTo("1001");
			assertThat(orderChange.path("newValue").asString()).isEqualTo("2002");

			// a required field is needed on create, and cannot be cleared
			String must = "must_" + suffix;
			long mustId = field(admin, must, "Must", "TEXT", null, true);
			try {
				ApiClient.Response missing = agent.post("/api/v1/tickets",
						Map.of("customerId", customer, "subject", "No must"));
				assertThat(missing.status()).isEqualTo(400);
				assertThat(missing.json().toString()).contains("fields." + must);
				JsonNode withMust = f.ticket(agent, customer, Map.of("fields", Map.of(must, "here")));
				ApiClient.Response cleared = agent.send("PATCH", "/api/v1/tickets/" + withMust.path("id").asLong(),
						mapOf("version", withMust.path("version").asInt(), "fields", mapOf(must, null)),
						"application/json");
				assertThat(cleared.status()).isEqualTo(400);
			}
			finally {
				admin.delete("/api/v1/ticket-fields/" + mustId);
			}
		}
		finally {
			for (long id : ids) {
				admin.delete("/api/v1/ticket-fields/" + id);
			}
		}
	}

	@Test
	void definitionsAreCheckedAndOnlyWhoManagesTicketsChangesThem() {
		ApiClient admin = admin();
		String key = "size_" + unique("k").substring(2).replace("-", "");
		assertThat(admin.post("/api/v1/ticket-fields", Map.of("key", "Bad Key", "label", "x", "type", "TEXT")).status())
			.isEqualTo(400);
		assertThat(admin.post("/api/v1/ticket-fields", Map.of("key", key, "label", "x", "type", "COLOUR")).status())
			.isEqualTo(400);
		assertThat(admin.post("/api/v1/ticket-fields", Map.of("key", key, "label", "x", "type", "CHOICE")).status())
			.isEqualTo(400);
		assertThat(admin
			.post("/api/v1/ticket-fields", Map.of("key", key, "label", "x", "type", "TEXT", "choices", List.of("a")))
			.status()).isEqualTo(400);
		ApiClient agent = signedInAs("agent");
		assertThat(agent.post("/api/v1/ticket-fields", Map.of("key", key, "label", "Size", "type", "TEXT")).status())
			.isEqualTo(403);
		long id = field(admin, key, "Size", "CHOICE", List.of("S", "M"), false);
		try {
			assertThat(admin.post("/api/v1/ticket-fields", Map.of("key", key, "label", "Again", "type", "TEXT")).code())
				.isEqualTo("field_exists");
			assertThat(agent.put("/api/v1/ticket-fields/" + id, Map.of("label", "Größe")).status()).isEqualTo(403);
			assertThat(agent.delete("/api/v1/ticket-fields/" + id).status()).isEqualTo(403);
			assertThat(admin.put("/api/v1/ticket-fields/" + id, Map.of("type", "TEXT")).status()).isEqualTo(400);
			ApiClient.Response changed = admin.put("/api/v1/ticket-fields/" + id,
					Map.of("label", "Size", "choices", List.of("S", "M", "L"), "position", 3));
			assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
			assertThat(changed.json().path("choices").toString()).isEqualTo("[\"S\",\"M\",\"L\"]");
			assertThat(agent.get("/api/v1/ticket-fields").json().findValuesAsString("key")).contains(key);
		}
		finally {
			assertThat(admin.delete("/api/v1/ticket-fields/" + id).status()).isEqualTo(204);
		}
		assertThat(this.jdbc.sql("SELECT action FROM audit_event WHERE target = ? ORDER BY id")
			.param(key)
			.query(String.class)
			.list()).containsExactly("ticket.field.created", "ticket.field.updated", "ticket.field.deleted");
	}

	private static long field(ApiClient admin, String key, String label, String type, List<String> choices,
			boolean required) {
		Map<String, Object> body = mapOf("key", key, "label", label, "type", type, "required", required);
		if (choices != null) {
			body.put("choices", choices);
		}
		ApiClient.Response created = admin.post("/api/v1/ticket-fields", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static JsonNode fieldOf(JsonNode ticket, String key) {
		for (JsonNode field : ticket.path("fields")) {
			if (field.path("key").asString().equals(key)) {
				return field;
			}
		}
		throw new AssertionError("no field " + key + " in " + ticket.path("fields"));
	}

	private static JsonNode value(JsonNode ticket, String key) {
		return fieldOf(ticket, key).path("value");
	}

}
