package dev.parley.tickets;

import java.util.HashMap;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ticket categories: one level of parent, names unique under a parent, no deleting one in
 * use, only with {@code ticket.manage}, every change audited.
 */
class TicketCategoryTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorBuildsCategoriesOfOneLevelAndTheyAreAudited() {
		ApiClient admin = admin();
		String billing = unique("Billing");
		String refunds = unique("Refunds");
		String renamedTo = unique("Refunds and credits");
		ApiClient.Response top = admin.post("/api/v1/ticket-categories", Map.of("name", billing, "position", 1));
		assertThat(top.status()).as(top.toString()).isEqualTo(201);
		long topId = top.json().path("id").asLong();
		ApiClient.Response child = admin.post("/api/v1/ticket-categories", Map.of("name", refunds, "parentId", topId));
		assertThat(child.status()).as(child.toString()).isEqualTo(201);
		long childId = child.json().path("id").asLong();
		assertThat(child.json().path("parentId").asLong()).isEqualTo(topId);

		// the same name under the same parent, twice at the top, a second level: refused
		assertThat(admin.post("/api/v1/ticket-categories", Map.of("name", refunds, "parentId", topId)).code())
			.isEqualTo("category_exists");
		assertThat(admin.post("/api/v1/ticket-categories", Map.of("name", billing)).code())
			.isEqualTo("category_exists");
		ApiClient.Response deep = admin.post("/api/v1/ticket-categories", Map.of("name", "Late", "parentId", childId));
		assertThat(deep.status()).isEqualTo(400);
		assertThat(deep.json().toString()).contains("must be a top-level category");
		assertThat(admin.post("/api/v1/ticket-categories", Map.of("name", " ")).status()).isEqualTo(400);
		assertThat(admin.post("/api/v1/ticket-categories", Map.of("name", "x".repeat(81))).status()).isEqualTo(400);
		assertThat(admin.post("/api/v1/ticket-categories", Map.of("name", "Ghost", "parentId", 99999999)).status())
			.isEqualTo(400);
		assertThat(admin.put("/api/v1/ticket-categories/" + topId, Map.of("name", billing, "parentId", topId)).status())
			.isEqualTo(400);

		// renamed; listed for agents
		ApiClient.Response renamed = admin.put("/api/v1/ticket-categories/" + childId,
				Map.of("name", renamedTo, "parentId", topId));
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
		ApiClient agent = signedInAs("agent");
		JsonNode list = agent.get("/api/v1/ticket-categories").json();
		assertThat(list.findValuesAsString("name")).contains(billing, renamedTo);

		// a category in use or with subcategories stays
		TicketFixtures f = new TicketFixtures(this.jdbc, admin);
		JsonNode ticket = f.ticket(agent, f.customer("Chen"), Map.of("categoryId", childId));
		assertThat(ticket.path("category").path("name").asString()).isEqualTo(renamedTo);
		assertThat(admin.delete("/api/v1/ticket-categories/" + childId).code()).isEqualTo("category_in_use");
		assertThat(admin.delete("/api/v1/ticket-categories/" + topId).code()).isEqualTo("category_has_subcategories");
		admin.send("PATCH", "/api/v1/tickets/" + ticket.path("id").asLong(),
				mapOf("version", ticket.path("version").asInt(), "categoryId", null), "application/json");
		assertThat(admin.delete("/api/v1/ticket-categories/" + childId).status()).isEqualTo(204);
		assertThat(admin.delete("/api/v1/ticket-categories/" + topId).status()).isEqualTo(204);
		assertThat(admin.delete("/api/v1/ticket-categories/" + topId).status()).isEqualTo(404);

		assertThat(this.jdbc.sql("SELECT action FROM audit_event WHERE target IN (?, ?, ?) ORDER BY id")
			.params(billing, refunds, renamedTo)
			.query(String.class)
			.list()).containsExactly("ticket.category.created", "ticket.category.created", "ticket.category.updated",
					"ticket.category.deleted", "ticket.category.deleted");
	}

	@Test
	void onlyWhoManagesTicketsChangesCategories() {
		ApiClient agent = signedInAs("agent");
		ApiClient.Response refused = agent.post("/api/v1/ticket-categories", Map.of("name", unique("Mine")));
		assertThat(refused.status()).isEqualTo(403);
		long id = admin().post("/api/v1/ticket-categories", Map.of("name", unique("Theirs")))
			.json()
			.path("id")
			.asLong();
		assertThat(agent.put("/api/v1/ticket-categories/" + id, Map.of("name", "Changed")).status()).isEqualTo(403);
		assertThat(signedInAs("supervisor").delete("/api/v1/ticket-categories/" + id).status()).isEqualTo(403);
		assertThat(signedInAs("support").get("/api/v1/ticket-categories").status()).isEqualTo(403);
		assertThat(admin().delete("/api/v1/ticket-categories/" + id).status()).isEqualTo(204);
	}

	static Map<String, Object> mapOf(Object... pairs) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
