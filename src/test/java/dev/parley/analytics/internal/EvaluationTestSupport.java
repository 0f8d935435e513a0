package dev.parley.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team to evaluate: a channel answered by a group of two agents (Ann, Bob) and a
 * supervisor (Sue), conversations Ann handled and closed, the figures folded.
 */
abstract class EvaluationTestSupport extends IntegrationTest {

	@Autowired
	AnalyticsWorker worker;

	/**
	 * The reports' team ({@link ReportFixtures}) and the conversations Ann handles for
	 * evaluations.
	 */
	final class Team {

		private final ReportFixtures.Team team = new ReportFixtures(EvaluationTestSupport.this.port, admin()).team();

		final long channelId = this.team.channelId;

		final long groupId = this.team.groupId;

		final long annId = this.team.annId;

		final ApiClient ann = this.team.ann;

		final String annName = this.team.annName;

		final long bobId = this.team.bobId;

		final ApiClient bob = this.team.bob;

		final String sueName = this.team.sueName;

		final ApiClient sue = this.team.sue;

		/** A visitor asks, Ann takes the conversation, answers and closes it. */
		long conversationAnnHandled() {
			ReportFixtures.Visitor visitor = this.team.visitor("Where is my parcel?");
			ReportFixtures.take(this.ann, visitor.id());
			ReportFixtures.agentSays(this.ann, visitor.id(), "It arrives tomorrow");
			assertThat(this.ann.post("/api/v1/conversations/" + visitor.id() + "/close", Map.of()).status())
				.isEqualTo(200);
			return visitor.id();
		}

	}

	/**
	 * Brings the statistics (and so what evaluations know of conversations) up to date.
	 */
	void folded() {
		eventsHandled();
		this.worker.runOnce();
	}

	/** A new checklist item; returns its id. */
	long item(ApiClient client, String name, int weight) {
		ApiClient.Response created = client.post("/api/v1/evaluation-items",
				Map.of("name", name, "weight", weight, "position", 500));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	/**
	 * Scores for every enabled item of the checklist: the given ones, every other one not
	 * applicable (null).
	 */
	List<Map<String, Object>> scores(ApiClient client, Map<Long, Integer> given) {
		List<Map<String, Object>> scores = new ArrayList<>();
		for (JsonNode item : client.get("/api/v1/evaluation-items").json()) {
			if (item.path("enabled").asBoolean()) {
				Map<String, Object> score = new LinkedHashMap<>();
				score.put("itemId", item.path("id").asLong());
				score.put("score", given.get(item.path("id").asLong()));
				scores.add(score);
			}
		}
		return scores;
	}

	static Map<String, Object> body(Long conversationId, List<Map<String, Object>> scores, String comment) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("conversationId", conversationId);
		body.put("scores", scores);
		body.put("comment", comment);
		return body;
	}

	/** The item in a list, by id. */
	static JsonNode byId(JsonNode list, long id) {
		for (JsonNode node : list) {
			if (node.path("id").asLong() == id) {
				return node;
			}
		}
		throw new AssertionError("No " + id + " in " + list);
	}

}
