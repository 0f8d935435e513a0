package dev.parley.tickets.internal.sla;

import java.time.Duration;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clocks moved by the ticket core over HTTP (through {@code SlaHooks}): created, a
 * priority raised, a public reply (and the ticket each answer shows).
 */
class SlaThroughTheCoreTests extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theDueTimeFollowsCreationPriorityAndTheFirstReply() {
		ApiClient admin = admin();
		SlaFixtures fixtures = new SlaFixtures(this.jdbc, admin);
		long group = fixtures.group(Map.of());
		long urgent = fixtures.policy(Map.of("name", "Urgent", "groupId", group, "priority", "URGENT",
				"firstResponseMinutes", 15, "resolutionMinutes", 60, "calendar", "ALWAYS"))
			.path("id")
			.asLong();
		long normal = fixtures
			.policy(Map.of("name", "Normal", "groupId", group, "firstResponseMinutes", 60, "resolutionMinutes", 480,
					"calendar", "ALWAYS"))
			.path("id")
			.asLong();
		ApiClient.Response created = admin.post("/api/v1/tickets",
				Map.of("subject", "Broken kettle", "customerId", fixtures.customer(null), "groupId", group));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		long createdAt = this.jdbc.sql("SELECT created_at FROM ticket WHERE id = ?")
			.param(id)
			.query(Long.class)
			.single();
		assertThat(fixtures.policyOf(id)).isEqualTo(normal);
		assertThat(fixtures.slaDueAt(id)).isEqualTo(createdAt + Duration.ofMinutes(60).toMillis());

		this.clock.advance(Duration.ofMinutes(5));
		JsonNode ticket = admin.get("/api/v1/tickets/" + id).json();
		ApiClient.Response raised = admin.send("PATCH", "/api/v1/tickets/" + id,
				Map.of("version", ticket.path("version").asInt(), "priority", "URGENT"), "application/json");
		assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
		assertThat(fixtures.policyOf(id)).isEqualTo(urgent);
		assertThat(fixtures.slaDueAt(id)).isEqualTo(createdAt + Duration.ofMinutes(15).toMillis());
		JsonNode shown = raised.json().path("sla");
		assertThat(shown.findValuesAsString("target")).contains("FIRST_RESPONSE", "RESOLUTION");
		JsonNode first = shown.get(shown.findValuesAsString("target").indexOf("FIRST_RESPONSE"));
		assertThat(first.path("state").asString()).isEqualTo("RUNNING");
		assertThat(first.path("remainingMinutes").asLong()).isEqualTo(10);

		ApiClient.Response reply = admin.post("/api/v1/tickets/" + id + "/articles",
				Map.of("kind", "REPLY", "body", "We are on it."));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		// the first reply is met; the solution is due an hour after creation
		assertThat(fixtures.slaDueAt(id)).isEqualTo(createdAt + Duration.ofMinutes(60).toMillis());
		// and the ticket in the reply's answer (what the console shows at once) says so
		assertThat(reply.json().path("ticket").path("slaDueAt"))
			.isEqualTo(admin.get("/api/v1/tickets/" + id).json().path("slaDueAt"));
	}

}
