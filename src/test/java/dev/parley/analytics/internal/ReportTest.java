package dev.parley.analytics.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the report tests: a team (a channel, its group of two agents and a supervisor)
 * whose conversations are driven through the real chat API with the clock moved by hand,
 * and the figures folded ({@code worker.runOnce()} after {@code eventsHandled()}).
 */
abstract class ReportTest extends IntegrationTest {

	protected static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	protected AnalyticsWorker worker;

	/** Folds every conversation event published so far into the figures. */
	protected void figuresUpToDate() {
		eventsHandled();
		this.worker.runOnce();
	}

	protected LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), SHANGHAI);
	}

	protected static String query(String path, LocalDate day, Long channelId) {
		return path + "?from=" + day + "&to=" + day + ((channelId != null) ? "&channelId=" + channelId : "");
	}

	protected static JsonNode row(JsonNode rows, long id) {
		for (JsonNode row : rows) {
			if (row.path("id").asLong() == id) {
				return row;
			}
		}
		throw new AssertionError("No row " + id + " in " + rows);
	}

	protected static void agentSays(ApiClient agent, long conversationId, String text) {
		ApiClient.Response sent = agent.post("/api/v1/conversations/" + conversationId + "/messages",
				Map.of("clientId", unique("c"), "text", text));
		assertThat(sent.status()).as(sent.toString()).isLessThan(300);
	}

	/** A channel answered by a group of two agents and a supervisor, all offline. */
	protected Team team() {
		return team(unique("Reports"), unique("Reports"));
	}

	/** The same, with the channel and group named as a test needs. */
	protected Team team(String channelName, String groupName) {
		ApiClient admin = admin();
		ApiClient.Response channel = admin.post("/api/v1/channels",
				Map.of("kind", "api", "name", channelName, "allowedOrigins", List.of("*")));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		long channelId = channel.json().path("id").asLong();
		String annName = unique("ann");
		String bobName = unique("bob");
		String sueName = unique("sue");
		long annId = createUser(annName, "agent").path("id").asLong();
		long bobId = createUser(bobName, "agent").path("id").asLong();
		long sueId = createUser(sueName, "supervisor").path("id").asLong();
		Map<String, Object> group = new HashMap<>(Map.of("name", groupName, "routing", "least_busy", "members",
				List.of(Map.of("userId", annId, "supervisor", false), Map.of("userId", bobId, "supervisor", false),
						Map.of("userId", sueId, "supervisor", true)),
				"channelIds", List.of(channelId)));
		ApiClient.Response created = admin.post("/api/v1/groups", group);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return new Team(channelId, admin.get("/api/v1/channels/" + channelId).json().path("key").asString(),
				created.json().path("id").asLong(), annId, signIn(annName), bobId, bobName, signIn(bobName), sueId,
				signIn(sueName));
	}

	protected ApiClient signIn(String username) {
		ApiClient client = client();
		assertThat(client.login(username, INITIAL_PASSWORD).status()).isEqualTo(200);
		assertThat(client
			.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD))
			.status()).isEqualTo(204);
		return client;
	}

	protected static final class Visitor {

		final long id;

		final ApiClient api;

		Visitor(long id, ApiClient api) {
			this.id = id;
			this.api = api;
		}

		void says(String text) {
			ApiClient.Response sent = this.api.post("/api/v1/widget/conversations/" + this.id + "/messages",
					Map.of("clientId", unique("v"), "text", text));
			assertThat(sent.status()).as(sent.toString()).isLessThan(300);
		}

	}

	protected final class Team {

		final long channelId;

		final String key;

		final long groupId;

		final long annId;

		final ApiClient ann;

		final long bobId;

		final String bobName;

		final ApiClient bob;

		final long sueId;

		final ApiClient sue;

		Team(long channelId, String key, long groupId, long annId, ApiClient ann, long bobId, String bobName,
				ApiClient bob, long sueId, ApiClient sue) {
			this.channelId = channelId;
			this.key = key;
			this.groupId = groupId;
			this.annId = annId;
			this.ann = ann;
			this.bobId = bobId;
			this.bobName = bobName;
			this.bob = bob;
			this.sueId = sueId;
			this.sue = sue;
		}

		/** A visitor arrives and asks a question. */
		Visitor visitor() {
			String token = client().post("/api/v1/widget/channels/" + this.key + "/visitors", Map.of())
				.json()
				.path("token")
				.asString();
			ApiClient api = client().withHeader("X-Parley-Visitor", token);
			ApiClient.Response started = api.post("/api/v1/widget/conversations", Map.of("question", "Where is it?"));
			assertThat(started.status()).as(started.toString()).isEqualTo(201);
			return new Visitor(started.json().path("id").asLong(), api);
		}

	}

}
