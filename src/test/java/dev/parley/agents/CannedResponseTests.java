package dev.parley.agents;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal and shared canned responses: who sees and changes which, and bad input. */
class CannedResponseTests extends IntegrationTest {

	@Test
	void personalOnesArePrivateSharedOnesNeedTheRightAndShortcutsAreUniquePerScope() {
		ApiClient alice = signedInAs("agent");
		ApiClient bob = signedInAs("agent");
		String shortcut = "refund" + unique("").replace("-", "");
		ApiClient.Response mine = alice.post("/api/v1/canned-responses",
				Map.of("shortcut", "/" + shortcut.toUpperCase(), "title", "Refund", "text",
						"Hello {customer.name}, your refund is on its way. {agent.name}"));
		assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
		assertThat(mine.json().path("shortcut").asString()).isEqualTo(shortcut);
		assertThat(mine.json().path("scope").asString()).isEqualTo("personal");
		long id = mine.json().path("id").asLong();
		assertThat(alice.post("/api/v1/canned-responses", Map.of("shortcut", shortcut, "title", "Again", "text", "x"))
			.code()).isEqualTo("duplicate_shortcut");
		assertThat(bob.post("/api/v1/canned-responses", Map.of("shortcut", shortcut, "title", "Mine", "text", "y"))
			.status()).as("another person's scope").isEqualTo(201);
		assertThat(bob.get("/api/v1/canned-responses?q=" + shortcut).json().findValuesAsString("title"))
			.containsExactly("Mine");
		assertThat(
				bob.put("/api/v1/canned-responses/" + id, Map.of("shortcut", "x", "title", "x", "text", "x")).status())
			.isEqualTo(404);
		assertThat(bob.delete("/api/v1/canned-responses/" + id).status()).isEqualTo(404);
		assertThat(alice
			.post("/api/v1/canned-responses",
					Map.of("shortcut", "all" + shortcut, "title", "For all", "text", "z", "scope", "everyone"))
			.status()).isEqualTo(403);

		ApiClient admin = admin();
		ApiClient.Response shared = admin.post("/api/v1/canned-responses",
				Map.of("shortcut", "hello" + shortcut, "title", "Greeting", "text", "Hi!", "scope", "everyone"));
		assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
		List<String> seenByBob = bob.get("/api/v1/canned-responses").json().findValuesAsString("shortcut");
		assertThat(seenByBob).contains("hello" + shortcut).doesNotContain("refund" + shortcut + "x");
		assertThat(alice.delete("/api/v1/canned-responses/" + shared.json().path("id").asLong()).status())
			.isEqualTo(404);
		assertThat(alice.delete("/api/v1/canned-responses/" + id).status()).isEqualTo(204);
	}

	@Test
	void badInputIsRefused() {
		ApiClient agent = signedInAs("agent");
		List<Map<String, Object>> bad = List.of(Map.of("shortcut", "has space", "title", "t", "text", "x"),
				Map.of("shortcut", "x".repeat(33), "title", "t", "text", "x"), Map.of("shortcut", "ok", "text", "x"),
				Map.of("shortcut", "ok", "title", "t", "text", ""),
				Map.of("shortcut", "ok", "title", "t", "text", "x".repeat(4001)),
				Map.of("shortcut", "ok", "title", "t", "text", "x", "scope", "world"),
				Map.of("shortcut", "ok", "title", "t", "text", "x", "scope", "group", "groupId", 987654));
		for (Map<String, Object> body : bad) {
			ApiClient.Response response = agent.post("/api/v1/canned-responses", body);
			assertThat(response.status()).as(body.toString()).isEqualTo(400);
		}
		assertThat(signedInAs("support").get("/api/v1/canned-responses").status()).isEqualTo(403);
		JsonNode none = agent.get("/api/v1/canned-responses").json();
		assertThat(none.findValuesAsString("shortcut")).doesNotContain("ok");
	}

}
