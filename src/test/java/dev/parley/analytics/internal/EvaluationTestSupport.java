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

	final class Team {

		final long channelId;

		final String key;

		final long groupId;

		final long annId;

		final ApiClient ann;

		final long bobId;

		final ApiClient bob;

		final ApiClient sue;

		final String annName = unique("ann");

		final String sueName = unique("sue");

		Team() {
			ApiClient admin = admin();
			ApiClient.Response channel = admin.post("/api/v1/channels",
					Map.of("kind", "api", "name", unique("Quality"), "allowedOrigins", List.of("*")));
			assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
			this.channelId = channel.json().path("id").asLong();
			this.key = admin.get("/api/v1/channels/" + this.channelId).json().path("key").asString();
			String bobName = unique("bob");
			this.annId = createUser(this.annName, "agent").path("id").asLong();
			this.bobId = createUser(bobName, "agent").path("id").asLong();
			long sueId = createUser(this.sueName, "supervisor").path("id").asLong();
			Map<String, Object> group = new HashMap<>(Map.of("name", unique("Quality"), "routing", "least_busy",
					"members",
					List.of(Map.of("userId", this.annId, "supervisor", false),
							Map.of("userId", this.bobId, "supervisor", false),
							Map.of("userId", sueId, "supervisor", true)),
					"channelIds", List.of(this.channelId)));
			ApiClient.Response created = admin.post("/api/v1/groups", group);
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			this.groupId = created.json().path("id").asLong();
			this.ann = signIn(this.annName);
			this.bob = signIn(bobName);
			this.sue = signIn(this.sueName);
		}

		/** A visitor asks, Ann takes the conversation, answers and closes it. */
		long conversationAnnHandled() {
			String token = client().post("/api/v1/widget/channels/" + this.key + "/visitors", Map.of())
				.json()
				.path("token")
				.asString();
			ApiClient visitor = client().withHeader("X-Parley-Visitor", token);
			ApiClient.Response started = visitor.post("/api/v1/widget/conversations",
					Map.of("question", "Where is my parcel?"));
			assertThat(started.status()).as(started.toString()).isEqualTo(201);
			long id = started.json().path("id").asLong();
			assertThat(this.ann.post("/api/v1/conversations/" + id + "/assign", Map.of()).status()).isEqualTo(200);
			ApiClient.Response sent = this.ann.post("/api/v1/conversations/" + id + "/messages",
					Map.of("clientId", unique("c"), "text", "It arrives tomorrow"));
			assertThat(sent.status()).as(sent.toString()).isLessThan(300);
			assertThat(this.ann.post("/api/v1/conversations/" + id + "/close", Map.of()).status()).isEqualTo(200);
			return id;
		}

	}

	/**
	 * Brings the statistics (and so what evaluations know of conversations) up to date.
	 */
	void folded() {
		eventsHandled();
		this.worker.runOnce();
	}

	ApiClient signIn(String username) {
		ApiClient client = client();
		assertThat(client.login(username, INITIAL_PASSWORD).status()).isEqualTo(200);
		assertThat(client
			.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD))
			.status()).isEqualTo(204);
		return client;
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
