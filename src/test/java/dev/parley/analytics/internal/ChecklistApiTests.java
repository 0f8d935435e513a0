package dev.parley.analytics.internal;

import java.util.HashMap;
import java.util.Map;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality checklist through the API: supervisors ({@code team.evaluate}) edit it,
 * agents only read it; bad input changes nothing; an item evaluations used is disabled,
 * not deleted; every change audited.
 */
class ChecklistApiTests extends EvaluationTestSupport {

	@Test
	void supervisorsEditTheChecklistAndBadInputChangesNothing() {
		ApiClient sue = signedInAs("supervisor");
		String name = unique("Empathy");
		ApiClient.Response created = sue.post("/api/v1/evaluation-items",
				Map.of("name", "  " + name + " ", "description", "Shows understanding", "weight", 3));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode item = created.json();
		long id = item.path("id").asLong();
		assertThat(item.path("name").asString()).isEqualTo(name);
		assertThat(item.path("weight").asInt()).isEqualTo(3);
		assertThat(item.path("enabled").asBoolean()).isTrue();
		assertThat(item.path("position").asInt()).as("last").isGreaterThanOrEqualTo(6);

		String before = sue.get("/api/v1/evaluation-items").body();
		assertThat(sue.post("/api/v1/evaluation-items", Map.of("name", " ", "weight", 1)).code())
			.isEqualTo("validation_failed");
		assertThat(sue.post("/api/v1/evaluation-items", Map.of("weight", 1)).code()).isEqualTo("validation_failed");
		assertThat(sue.post("/api/v1/evaluation-items", Map.of("name", "x".repeat(81))).json().toString())
			.contains("must be at most 80 characters");
		assertThat(sue.post("/api/v1/evaluation-items", Map.of("name", unique("a"), "description", "d".repeat(301)))
			.code()).isEqualTo("validation_failed");
		assertThat(sue.post("/api/v1/evaluation-items", Map.of("name", unique("a"), "weight", 0)).code())
			.isEqualTo("validation_failed");
		assertThat(sue.post("/api/v1/evaluation-items", Map.of("name", unique("a"), "weight", 11)).json().toString())
			.contains("must be 1 to 10");
		assertThat(sue.post("/api/v1/evaluation-items", Map.of("name", unique("a"), "position", -1)).code())
			.isEqualTo("validation_failed");
		assertThat(sue.post("/api/v1/evaluation-items", Map.of("name", "a\nb")).code()).isEqualTo("validation_failed");
		ApiClient.Response twice = sue.post("/api/v1/evaluation-items", Map.of("name", name.toUpperCase()));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.code()).isEqualTo("evaluation_item_exists");
		assertThat(sue.sendRaw("POST", "/api/v1/evaluation-items", "{", "application/json").status()).isEqualTo(400);
		assertThat(sue.put("/api/v1/evaluation-items/" + id, Map.of("name", name, "weight", 11)).status())
			.isEqualTo(400);
		assertThat(sue.put("/api/v1/evaluation-items/" + id, Map.of("name", "Speed")).code()).as("a seeded item's name")
			.isEqualTo("evaluation_item_exists");
		assertThat(sue.put("/api/v1/evaluation-items/99999999", Map.of("name", unique("a"))).status()).isEqualTo(404);
		assertThat(sue.delete("/api/v1/evaluation-items/99999999").status()).isEqualTo(404);
		assertThat(sue.get("/api/v1/evaluation-items").body()).isEqualTo(before);

		// agents read it, nobody without team.evaluate changes it
		ApiClient agent = signedInAs("agent");
		assertThat(agent.get("/api/v1/evaluation-items").status()).isEqualTo(200);
		assertThat(agent.post("/api/v1/evaluation-items", Map.of("name", unique("a"))).status()).isEqualTo(403);
		assertThat(agent.put("/api/v1/evaluation-items/" + id, Map.of("name", unique("a"))).status()).isEqualTo(403);
		assertThat(agent.delete("/api/v1/evaluation-items/" + id).status()).isEqualTo(403);
		assertThat(signedInAs("support").get("/api/v1/evaluation-items").status()).isEqualTo(403);
		assertThat(sue.get("/api/v1/evaluation-items").body()).isEqualTo(before);

		// renamed, reweighed, disabled and enabled again; a field left out keeps its
		// value
		String renamed = unique("Empathy");
		Map<String, Object> change = new HashMap<>(Map.of("name", renamed, "weight", 10, "enabled", false));
		JsonNode updated = sue.put("/api/v1/evaluation-items/" + id, change).json();
		assertThat(updated.path("name").asString()).isEqualTo(renamed);
		assertThat(updated.path("weight").asInt()).isEqualTo(10);
		assertThat(updated.path("enabled").asBoolean()).isFalse();
		assertThat(updated.path("description").asString()).isEqualTo("Shows understanding");
		assertThat(sue.put("/api/v1/evaluation-items/" + id, Map.of("name", renamed, "enabled", true))
			.json()
			.path("enabled")
			.asBoolean()).isTrue();

		// never used: deleted
		assertThat(sue.delete("/api/v1/evaluation-items/" + id).status()).isEqualTo(204);
		assertThat(sue.get("/api/v1/evaluation-items").body()).doesNotContain(renamed);
		String audit = admin().get("/api/v1/audit-events?action=evaluation.item.deleted").body();
		assertThat(audit).contains(renamed);
		assertThat(admin().get("/api/v1/audit-events?action=evaluation.item.created").body()).contains(name);
		assertThat(admin().get("/api/v1/audit-events?action=evaluation.item.updated").body()).contains(renamed);
	}

}
