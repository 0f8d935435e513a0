package dev.parley.analytics.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluating conversations through the API: the weighted total worked out by hand, bad
 * scores and conversations refused with nothing stored, who may evaluate which
 * conversation, who sees which evaluation, and the averages in the agent report.
 */
class EvaluationApiTests extends EvaluationTestSupport {

	@Test
	void aSupervisorEvaluatesTheAgentWhoSeesTheScoresAndTheComment() {
		Team team = new Team();
		long conversation = team.conversationAnnHandled();
		folded();
		long accuracy = item(team.sue, unique("Accuracy"), 3);
		long tone = item(team.sue, unique("Tone"), 1);
		long empathy = item(team.sue, unique("Empathy"), 2);

		// an agent does not evaluate
		Map<String, Object> good = body(conversation, scores(team.sue, Map.of(accuracy, 4, tone, 2)),
				"Check the order");
		assertThat(team.bob.post("/api/v1/evaluations", good).status()).isEqualTo(403);

		// 4 × 3 + 2 × 1 of 5 × (3 + 1), empathy not applicable: 14 / 20 = 70 %
		ApiClient.Response created = team.sue.post("/api/v1/evaluations", good);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode evaluation = created.json();
		long id = evaluation.path("id").asLong();
		assertThat(evaluation.path("total").asDouble()).isEqualTo(70.0);
		assertThat(evaluation.path("agentId").asLong()).isEqualTo(team.annId);
		assertThat(evaluation.path("comment").asString()).isEqualTo("Check the order");
		assertThat(evaluation.path("mine").asBoolean()).isTrue();
		assertThat(byItem(evaluation, empathy).path("score").isNull()).isTrue();
		assertThat(byItem(evaluation, accuracy).path("weight").asInt()).isEqualTo(3);

		// the agent reads it with the comment and who wrote it; a colleague does not
		JsonNode mine = team.ann.get("/api/v1/evaluations").json().path("items");
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).path("comment").asString()).isEqualTo("Check the order");
		assertThat(mine.get(0).path("evaluator").asString()).startsWith("User sue-");
		assertThat(mine.get(0).path("conversationId").asLong()).isEqualTo(conversation);
		assertThat(mine.get(0).path("mine").asBoolean()).isFalse();
		assertThat(team.ann.get("/api/v1/evaluations/" + id).status()).isEqualTo(200);
		assertThat(team.bob.get("/api/v1/evaluations").json().path("items")).isEmpty();
		assertThat(team.bob.get("/api/v1/evaluations/" + id).status()).isEqualTo(404);
		assertThat(team.bob.get("/api/v1/evaluations?agentId=" + team.annId).status()).isEqualTo(403);
		assertThat(team.sue.get("/api/v1/evaluations?agentId=" + team.annId).json().path("items")).hasSize(1);
		assertThat(signedInAs("supervisor").get("/api/v1/evaluations?agentId=" + team.annId).json().path("items"))
			.as("a supervisor of other groups")
			.isEmpty();
		assertThat(admin().get("/api/v1/evaluations?conversationId=" + conversation).json().path("items")).hasSize(1);

		// its author changes it (audited); nobody else does
		Map<String, Object> better = body(null, scores(team.sue, Map.of(accuracy, 5, tone, 5, empathy, 0)), null);
		JsonNode changed = team.sue.put("/api/v1/evaluations/" + id, better).json();
		// 15 + 5 + 0 of 5 × 6 = 20 / 30
		assertThat(changed.path("total").asDouble()).isEqualTo(66.67);
		assertThat(changed.path("comment").isNull()).isTrue();
		assertThat(admin().put("/api/v1/evaluations/" + id, better).code()).isEqualTo("not_evaluation_author");
		assertThat(team.ann.put("/api/v1/evaluations/" + id, better).status()).isEqualTo(403);
		assertThat(admin().get("/api/v1/audit-events?action=evaluation.created").body())
			.contains("conversation " + conversation);
		assertThat(admin().get("/api/v1/audit-events?action=evaluation.updated").body()).contains("70.00 -> 66.67");

		// an item evaluations used is disabled, not deleted; the evaluation keeps it
		ApiClient.Response removed = team.sue.delete("/api/v1/evaluation-items/" + empathy);
		assertThat(removed.status()).isEqualTo(200);
		assertThat(removed.json().path("enabled").asBoolean()).isFalse();
		assertThat(byItem(team.ann.get("/api/v1/evaluations/" + id).json(), empathy).path("score").asInt()).isZero();
	}

	@Test
	void badScoresAndConversationsAreRefusedAndNothingIsStored() {
		Team team = new Team();
		long conversation = team.conversationAnnHandled();
		folded();
		long accuracy = item(team.sue, unique("Accuracy"), 2);
		long retired = item(team.sue, unique("Retired"), 2);
		assertThat(
				team.sue.put("/api/v1/evaluation-items/" + retired, Map.of("name", unique("Retired"), "enabled", false))
					.status())
			.isEqualTo(200);

		List<Map<String, Object>> scores = scores(team.sue, Map.of(accuracy, 4));
		assertThat(refused(team, body(conversation, withScore(scores, accuracy, 6), null))).isEqualTo(400);
		assertThat(refused(team, body(conversation, withScore(scores, accuracy, -1), null))).isEqualTo(400);
		assertThat(refused(team, body(conversation, plus(scores, 99999999L), null))).isEqualTo(400);
		assertThat(refused(team, body(conversation, plus(scores, retired), null))).isEqualTo(400);
		assertThat(refused(team, body(conversation, plus(scores, accuracy), null))).as("twice").isEqualTo(400);
		assertThat(refused(team, body(conversation, scores.subList(1, scores.size()), null))).as("one missing")
			.isEqualTo(400);
		assertThat(refused(team, body(conversation, withScore(scores, accuracy, null), null))).as("all N/A")
			.isEqualTo(400);
		assertThat(refused(team, body(conversation, null, null))).isEqualTo(400);
		assertThat(refused(team, body(conversation, scores, "x".repeat(2001)))).isEqualTo(400);
		assertThat(refused(team, body(null, scores, null))).isEqualTo(400);
		assertThat(refused(team, body(99999999L, scores, null))).isEqualTo(404);
		Map<String, Object> bob = new HashMap<>(body(conversation, scores, null));
		bob.put("agentId", team.bobId);
		assertThat(refused(team, bob)).as("Bob took no part").isEqualTo(400);
		assertThat(signedInAs("supervisor").post("/api/v1/evaluations", body(conversation, scores, null)).status())
			.as("a supervisor of other groups")
			.isEqualTo(403);
		assertThat(team.sue.get("/api/v1/evaluations?conversationId=" + conversation).json().path("items")).isEmpty();
		assertThat(team.sue.get("/api/v1/evaluations?from=2026-13-01").code()).isEqualTo("validation_failed");
		assertThat(team.sue.get("/api/v1/evaluations?limit=0").code()).isEqualTo("validation_failed");
		assertThat(team.sue.get("/api/v1/evaluations?cursor=x").code()).isEqualTo("validation_failed");

		// one evaluation per evaluator and conversation
		assertThat(team.sue.post("/api/v1/evaluations", body(conversation, scores, null)).status()).isEqualTo(201);
		ApiClient.Response again = team.sue.post("/api/v1/evaluations", body(conversation, scores, null));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("evaluation_exists");
	}

	@Test
	void theAgentReportAveragesTheEvaluationsOfConversationsStartedInTheRange() {
		Team team = new Team();
		long first = team.conversationAnnHandled();
		long second = team.conversationAnnHandled();
		folded();
		long accuracy = item(team.sue, unique("Accuracy"), 1);
		// Sue: 5 of 5 and 2 of 5; the administrator: 3 of 5 → (100 + 40 + 60) / 3
		assertThat(
				team.sue.post("/api/v1/evaluations", body(first, scores(team.sue, Map.of(accuracy, 5)), null)).status())
			.isEqualTo(201);
		assertThat(team.sue.post("/api/v1/evaluations", body(second, scores(team.sue, Map.of(accuracy, 2)), null))
			.status()).isEqualTo(201);
		ApiClient admin = admin();
		assertThat(admin.post("/api/v1/evaluations", body(first, scores(admin, Map.of(accuracy, 3)), null)).status())
			.isEqualTo(201);

		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneId.of("Asia/Shanghai"));
		String report = "/api/v1/reports/by/agents?from=" + today + "&to=" + today + "&groupId=" + team.groupId;
		JsonNode rows = team.sue.get(report).json().path("rows");
		JsonNode ann = byId(rows, team.annId).path("evaluation");
		assertThat(ann.path("count").asLong()).isEqualTo(3);
		assertThat(ann.path("average").asDouble()).isEqualTo(66.67);
		assertThat(ann.path("previous").path("count").asLong()).isZero();
		assertThat(ann.path("previous").path("average").isNull()).isTrue();
		// the agent sees the same in his own row
		assertThat(byId(team.ann.get(report).json().path("rows"), team.annId).path("evaluation")
			.path("average")
			.asDouble()).isEqualTo(66.67);
		// a day later: one more, 4 of 5; today's three are the period before
		this.clock.advance(java.time.Duration.ofDays(1));
		long third = team.conversationAnnHandled();
		folded();
		assertThat(
				team.sue.post("/api/v1/evaluations", body(third, scores(team.sue, Map.of(accuracy, 4)), null)).status())
			.isEqualTo(201);
		LocalDate tomorrow = today.plusDays(1);
		JsonNode next = byId(team.sue
			.get("/api/v1/reports/by/agents?from=" + tomorrow + "&to=" + tomorrow + "&groupId=" + team.groupId)
			.json()
			.path("rows"), team.annId).path("evaluation");
		assertThat(next.path("count").asLong()).isEqualTo(1);
		assertThat(next.path("average").asDouble()).isEqualTo(80.0);
		assertThat(next.path("previous").path("count").asLong()).isEqualTo(3);
		assertThat(next.path("previous").path("average").asDouble()).isEqualTo(66.67);
	}

	private static int refused(Team team, Map<String, Object> body) {
		ApiClient.Response response = team.sue.post("/api/v1/evaluations", body);
		assertThat(response.status()).as(response.toString()).isGreaterThanOrEqualTo(400);
		return response.status();
	}

	private static List<Map<String, Object>> withScore(List<Map<String, Object>> scores, long itemId, Integer score) {
		return scores.stream().map((s) -> {
			Map<String, Object> copy = new HashMap<>(s);
			if (((Long) s.get("itemId")) == itemId) {
				copy.put("score", score);
			}
			return copy;
		}).toList();
	}

	private static List<Map<String, Object>> plus(List<Map<String, Object>> scores, long itemId) {
		List<Map<String, Object>> more = new java.util.ArrayList<>(scores);
		more.add(Map.of("itemId", itemId, "score", 3));
		return more;
	}

	private static JsonNode byItem(JsonNode evaluation, long itemId) {
		for (JsonNode score : evaluation.path("scores")) {
			if (score.path("itemId").asLong() == itemId) {
				return score;
			}
		}
		throw new AssertionError("No score of item " + itemId + " in " + evaluation);
	}

}
