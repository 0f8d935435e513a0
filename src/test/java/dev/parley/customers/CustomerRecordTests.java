package dev.parley.customers;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer record API: reading and editing a record (optimistic locking, validation
 * that changes nothing), levels and attributes, notes, the timeline, masked contact
 * details and their audited reveal, and who may do what.
 */
class CustomerRecordTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private CustomerFixtures fixtures() {
		return new CustomerFixtures(admin(), this::client, this.jdbc);
	}

	@Test
	void anAgentEditsTheProfileTagsContactsAndAttributesAndEveryChangeIsOnTheTimeline() {
		CustomerFixtures f = fixtures();
		CustomerFixtures.Visitor v = f.started(f.channel(unique("Site")),
				Map.of("question", "Hello", "name", "李雷", "email", "lilei@example.com"));
		ApiClient admin = admin();
		long level = admin.post("/api/v1/customer-levels", Map.of("name", unique("VIP"), "position", 1))
			.json()
			.path("id")
			.asLong();
		String key = "plan_" + unique("k").substring(2).replace("-", "");
		assertThat(admin
			.post("/api/v1/customer-attributes",
					Map.of("key", key, "label", "Plan", "type", "CHOICE", "choices", List.of("basic", "pro")))
			.status()).isEqualTo(201);

		ApiClient agent = signedInAs("agent");
		JsonNode before = agent.get("/api/v1/customers/" + v.customerId()).json();
		assertThat(before.path("name").asString()).isEqualTo("李雷");
		assertThat(before.path("contacts").get(0).path("value").asString()).isEqualTo("l***@example.com");
		assertThat(before.path("conversationCount").asInt()).isEqualTo(1);

		ApiClient.Response edited = agent.send("PATCH", "/api/v1/customers/" + v.customerId(),
				Map.of("version", before.path("version").asInt(), "company", "Acme 上海", "language", "zh-CN", "timeZone",
						"Asia/Shanghai", "levelId", level, "tags", List.of(" vip ", "shanghai", "vip"), "attributes",
						Map.of(key, "pro"), "addContacts",
						List.of(Map.of("kind", "PHONE", "value", "+86 13812345678"))),
				"application/json");
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		JsonNode after = edited.json();
		assertThat(after.path("company").asString()).isEqualTo("Acme 上海");
		assertThat(after.path("level").path("id").asLong()).isEqualTo(level);
		assertThat(after.path("tags").toString()).isEqualTo("[\"shanghai\",\"vip\"]");
		assertThat(after.path("attributes").get(0).path("value").asString()).isEqualTo("pro");
		assertThat(after.path("contacts").toString()).contains("+86 138****5678").doesNotContain("13812345678");
		assertThat(after.path("version").asInt()).isEqualTo(before.path("version").asInt() + 1);

		assertThat(agent.post("/api/v1/customers/" + v.customerId() + "/notes", Map.of("body", "Prefers e-mail"))
			.json()
			.path("notes")
			.get(0)
			.path("author")
			.asString()).startsWith("User agent-");

		JsonNode timeline = agent.get("/api/v1/customers/" + v.customerId() + "/timeline?limit=3").json();
		assertThat(timeline.path("items").findValuesAsString("kind")).containsExactly("NOTE_ADDED",
				"ATTRIBUTES_CHANGED", "TAGS_CHANGED");
		JsonNode rest = agent
			.get("/api/v1/customers/" + v.customerId() + "/timeline?limit=50&after="
					+ timeline.path("nextCursor").asString())
			.json();
		assertThat(rest.path("items").findValuesAsString("kind")).contains("CONTACT_ADDED", "PROFILE_CHANGED",
				"CONVERSATION_STARTED", "CREATED");
		assertThat(rest.path("items").findValuesAsString("kind")).doesNotContain("NOTE_ADDED");

		JsonNode conversations = agent.get("/api/v1/customers/" + v.customerId() + "/conversations").json();
		assertThat(conversations.path("items").get(0).path("id").asLong()).isEqualTo(v.conversationId());
		assertThat(
				agent.get("/api/v1/customers/" + v.customerId() + "/conversations/" + v.conversationId() + "/messages")
					.json()
					.path("items")
					.toString())
			.contains("Hello");
	}

	@Test
	void badInputIsRefusedAndChangesNothing() {
		CustomerFixtures f = fixtures();
		CustomerFixtures.Visitor v = f.started(f.channel(unique("Site")), Map.of("question", "Hi", "name", "Han"));
		ApiClient admin = admin();
		String key = "age_" + unique("k").substring(2).replace("-", "");
		admin.post("/api/v1/customer-attributes",
				Map.of("key", key, "label", "Age", "type", "NUMBER", "min", 0, "max", 150));
		String path = "/api/v1/customers/" + v.customerId();
		JsonNode before = admin.get(path).json();
		int version = before.path("version").asInt();

		record Bad(Map<String, Object> patch, String field) {
		}
		List<Bad> bad = List.of(
				new Bad(Map.of("version", version, "name", "X", "addContacts",
						List.of(Map.of("kind", "EMAIL", "value", "not-an-address"))), "addContacts.value"),
				new Bad(Map.of("version", version, "addContacts", List.of(Map.of("kind", "PHONE", "value", "call me"))),
						"addContacts.value"),
				new Bad(Map.of("version", version, "name", "X", "attributes", Map.of("no_such_thing", "x")),
						"attributes.no_such_thing"),
				new Bad(Map.of("version", version, "attributes", Map.of(key, "forty")), "attributes." + key),
				new Bad(Map.of("version", version, "attributes", Map.of(key, 200)), "attributes." + key),
				new Bad(Map.of("version", version, "language", "not a language!"), "language"),
				new Bad(Map.of("version", version, "timeZone", "Mars/Olympus"), "timeZone"),
				new Bad(Map.of("version", version, "levelId", 987654321), "levelId"),
				new Bad(Map.of("version", version, "tags", List.of("x".repeat(51))), "tags"),
				new Bad(Map.of("name", "no version"), "version"));
		for (Bad b : bad) {
			ApiClient.Response refused = admin.send("PATCH", path, b.patch(), "application/json");
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo(b.field());
		}
		ApiClient.Response stale = admin.send("PATCH", path, Map.of("version", version - 1, "name", "Stale"),
				"application/json");
		assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
		assertThat(stale.json().path("code").asString()).isEqualTo("stale_version");
		assertThat(admin.post(path + "/merge", Map.of("otherId", v.customerId())).json().path("code").asString())
			.isEqualTo("merge_with_itself");

		JsonNode after = admin.get(path).json();
		assertThat(after.path("version").asInt()).isEqualTo(version);
		assertThat(after.path("name").asString()).isEqualTo("Han");
		assertThat(after.path("contacts").size()).isZero();
		assertThat(after.path("attributes").size()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM customer_event WHERE customer_id = ?")
			.param(v.customerId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void eachPermissionGuardsItsPart() {
		CustomerFixtures f = fixtures();
		CustomerFixtures.Visitor v = f.started(f.channel(unique("Site")),
				Map.of("question", "Hi", "email", "mei@example.com"));
		String path = "/api/v1/customers/" + v.customerId();
		ApiClient support = signedInAs("support");
		ApiClient agent = signedInAs("agent");
		int version = admin().get(path).json().path("version").asInt();
		assertThat(support.get(path).status()).isEqualTo(403);
		assertThat(support.send("PATCH", path, Map.of("version", version, "name", "X"), "application/json").status())
			.isEqualTo(403);
		assertThat(support.post(path + "/block", Map.of("reason", "spam")).status()).isEqualTo(403);
		assertThat(support.post(path + "/notes", Map.of("body", "x")).status()).isEqualTo(403);
		assertThat(agent.post(path + "/reveal", Map.of()).status()).isEqualTo(403);
		assertThat(agent.post(path + "/merge", Map.of("otherId", 1)).status()).isEqualTo(403);
		assertThat(agent.get("/api/v1/customer-merges").status()).isEqualTo(403);
		assertThat(agent.post("/api/v1/customer-levels", Map.of("name", unique("L"))).status()).isEqualTo(403);
		assertThat(agent.post("/api/v1/customer-attributes", Map.of("key", "x", "label", "X", "type", "TEXT")).status())
			.isEqualTo(403);
		assertThat(agent.get("/api/v1/customer-levels").status()).as("listed for customer.view").isEqualTo(200);
		JsonNode unchanged = admin().get(path).json();
		assertThat(unchanged.path("version").asInt()).isEqualTo(version);
		assertThat(unchanged.path("blocked").isNull()).isTrue();
		assertThat(unchanged.path("notes").size()).isZero();
	}

	@Test
	void contactsAreMaskedForEveryoneAndARevealIsAudited() {
		CustomerFixtures f = fixtures();
		CustomerFixtures.Visitor v = f.started(f.channel(unique("Site")),
				Map.of("question", "Hi", "email", "lucy.wang@example.com", "phone", "13812345678"));
		String path = "/api/v1/customers/" + v.customerId();
		ApiClient supervisor = signedInAs("supervisor");
		assertThat(supervisor.get(path).json().path("contacts").toString()).contains("l***@example.com")
			.contains("138****5678")
			.doesNotContain("lucy.wang");
		JsonNode revealed = supervisor.post(path + "/reveal", Map.of()).json();
		assertThat(revealed.path("contacts").toString()).contains("lucy.wang@example.com").contains("13812345678");
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'customer.pii.revealed' AND target = ?")
					.param("customer " + v.customerId())
					.query(Integer.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void theInboxMasksTheVisitorsContactsWithoutThePermission() {
		CustomerFixtures f = fixtures();
		CustomerFixtures.Visitor v = f.started(f.channel(unique("Site")),
				Map.of("question", "Hi", "email", "lucy.wang@example.com", "phone", "+86 13812345678"));
		String path = "/api/v1/conversations/" + v.conversationId();
		JsonNode asAgent = signedInAs("agent").get(path).json().path("visitor");
		assertThat(asAgent.path("email").asString()).isEqualTo("l***@example.com");
		assertThat(asAgent.path("phone").asString()).isEqualTo("+86 138****5678");
		JsonNode asSupervisor = signedInAs("supervisor").get(path).json().path("visitor");
		assertThat(asSupervisor.path("email").asString()).isEqualTo("lucy.wang@example.com");
	}

	@Test
	void attributeDefinitionsAndLevelsAreValidated() {
		ApiClient admin = admin();
		assertThat(admin.post("/api/v1/customer-attributes", Map.of("key", "Bad Key", "label", "X", "type", "TEXT"))
			.status()).isEqualTo(400);
		assertThat(admin.post("/api/v1/customer-attributes", Map.of("key", "ok_key_x", "label", "X", "type", "COLOUR"))
			.status()).isEqualTo(400);
		assertThat(admin
			.post("/api/v1/customer-attributes",
					Map.of("key", "ok_key_y", "label", "X", "type", "TEXT", "pattern", "(["))
			.json()
			.path("errors")
			.get(0)
			.path("field")
			.asString()).isEqualTo("pattern");
		String name = unique("Gold");
		long level = admin.post("/api/v1/customer-levels", Map.of("name", name)).json().path("id").asLong();
		assertThat(admin.post("/api/v1/customer-levels", Map.of("name", name)).status()).isEqualTo(409);
		CustomerFixtures f = fixtures();
		CustomerFixtures.Visitor v = f.started(f.channel(unique("Site")), Map.of("question", "Hi"));
		int version = admin.get("/api/v1/customers/" + v.customerId()).json().path("version").asInt();
		assertThat(admin
			.send("PATCH", "/api/v1/customers/" + v.customerId(), Map.of("version", version, "levelId", level),
					"application/json")
			.status()).isEqualTo(200);
		ApiClient.Response inUse = admin.delete("/api/v1/customer-levels/" + level);
		assertThat(inUse.status()).isEqualTo(409);
		assertThat(inUse.json().path("code").asString()).isEqualTo("level_in_use");
	}

	@Test
	void anAgentCreatesACustomerForACallerAndBadInputStoresNothing() {
		ApiClient agent = signedInAs("agent");
		ApiClient.Response created = agent.post("/api/v1/customers", Map.of("name", "Caller 周", "company", "Acme",
				"addContacts", List.of(Map.of("kind", "PHONE", "value", "+86 13900001111"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("name").asString()).isEqualTo("Caller 周");
		assertThat(created.json().path("contacts").toString()).contains("+86 139****1111");
		int before = this.jdbc.sql("SELECT COUNT(*) FROM customer").query(Integer.class).single();
		assertThat(agent.post("/api/v1/customers", Map.of("name", "X", "version", 3)).status()).isEqualTo(400);
		assertThat(agent.post("/api/v1/customers", Map.of("company", "Only a company")).status()).isEqualTo(400);
		assertThat(agent
			.post("/api/v1/customers",
					Map.of("name", "Y", "addContacts", List.of(Map.of("kind", "EMAIL", "value", "not-an-address"))))
			.status()).isEqualTo(400);
		assertThat(signedInAs("support").post("/api/v1/customers", Map.of("name", "Z")).status()).isEqualTo(403);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM customer").query(Integer.class).single()).isEqualTo(before);
	}

}
