package dev.parley.analytics.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team for report tests, made through the API: a channel answered by a group of two
 * agents (Ann, Bob) and their supervisor (Sue), all offline so that nothing routes by
 * itself; visitors who ask and write; agents who write.
 */
final class ReportFixtures {

	private final int port;

	private final ApiClient admin;

	ReportFixtures(int port, ApiClient admin) {
		this.port = port;
		this.admin = admin;
	}

	Team team() {
		return team(unique("Reports"), unique("Reports"));
	}

	/** The same, with the channel and group named as a test needs. */
	Team team(String channelName, String groupName) {
		ApiClient.Response channel = this.admin.post("/api/v1/channels",
				Map.of("kind", "api", "name", channelName, "allowedOrigins", List.of("*")));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		long channelId = channel.json().path("id").asLong();
		String annName = unique("ann");
		String bobName = unique("bob");
		String sueName = unique("sue");
		long annId = user(annName, "agent");
		long bobId = user(bobName, "agent");
		long sueId = user(sueName, "supervisor");
		Map<String, Object> group = new HashMap<>(Map.of("name", groupName, "routing", "least_busy", "members",
				List.of(Map.of("userId", annId, "supervisor", false), Map.of("userId", bobId, "supervisor", false),
						Map.of("userId", sueId, "supervisor", true)),
				"channelIds", List.of(channelId)));
		ApiClient.Response created = this.admin.post("/api/v1/groups", group);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String key = this.admin.get("/api/v1/channels/" + channelId).json().path("key").asString();
		return new Team(channelId, key, created.json().path("id").asLong(), annId, annName, signIn(annName), bobId,
				bobName, signIn(bobName), sueId, sueName, signIn(sueName));
	}

	private long user(String username, String role) {
		long roleId = 0;
		for (JsonNode r : this.admin.get("/api/v1/roles").json()) {
			if (r.path("name").asString().equals(role)) {
				roleId = r.path("id").asLong();
			}
		}
		ApiClient.Response response = this.admin.post("/api/v1/users",
				Map.of("username", username, "displayName", "User " + username, "email", username + "@example.com",
						"roleId", roleId, "password", IntegrationTest.INITIAL_PASSWORD));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("id").asLong();
	}

	private ApiClient signIn(String username) {
		ApiClient client = new ApiClient(this.port);
		assertThat(client.login(username, IntegrationTest.INITIAL_PASSWORD).status()).isEqualTo(200);
		assertThat(client
			.post("/api/v1/session/password", Map.of("currentPassword", IntegrationTest.INITIAL_PASSWORD, "newPassword",
					IntegrationTest.OWN_PASSWORD))
			.status()).isEqualTo(204);
		return client;
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static void agentSays(ApiClient agent, long conversationId, String text) {
		ApiClient.Response sent = agent.post("/api/v1/conversations/" + conversationId + "/messages",
				Map.of("clientId", unique("c"), "text", text));
		assertThat(sent.status()).as(sent.toString()).isLessThan(300);
	}

	static void take(ApiClient agent, long conversationId) {
		ApiClient.Response taken = agent.post("/api/v1/conversations/" + conversationId + "/assign", Map.of());
		assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
	}

	record Visitor(long id, ApiClient api) {

		void says(String text) {
			ApiClient.Response sent = this.api.post("/api/v1/widget/conversations/" + this.id + "/messages",
					Map.of("clientId", unique("v"), "text", text));
			assertThat(sent.status()).as(sent.toString()).isLessThan(300);
		}

		void leaves() {
			assertThat(this.api.post("/api/v1/widget/conversations/" + this.id + "/close", Map.of()).status())
				.isLessThan(300);
		}

		void rates(int score, String comment) {
			ApiClient.Response rated = this.api.post("/api/v1/widget/conversations/" + this.id + "/rating",
					Map.of("score", score, "comment", comment));
			assertThat(rated.status()).as(rated.toString()).isLessThan(300);
		}

	}

	/** The team; its visitors arrive on its channel. */
	final class Team {

		final long channelId;

		final String key;

		final long groupId;

		final long annId;

		final String annName;

		final ApiClient ann;

		final long bobId;

		final String bobName;

		final ApiClient bob;

		final long sueId;

		final String sueName;

		final ApiClient sue;

		Team(long channelId, String key, long groupId, long annId, String annName, ApiClient ann, long bobId,
				String bobName, ApiClient bob, long sueId, String sueName, ApiClient sue) {
			this.channelId = channelId;
			this.key = key;
			this.groupId = groupId;
			this.annId = annId;
			this.annName = annName;
			this.ann = ann;
			this.bobId = bobId;
			this.bobName = bobName;
			this.bob = bob;
			this.sueId = sueId;
			this.sueName = sueName;
			this.sue = sue;
		}

		/** A visitor arrives and asks where his order is. */
		Visitor visitor() {
			return visitor("Where is it?");
		}

		/** A visitor arrives and asks a question. */
		Visitor visitor(String question) {
			ApiClient client = new ApiClient(ReportFixtures.this.port);
			String token = client.post("/api/v1/widget/channels/" + this.key + "/visitors", Map.of())
				.json()
				.path("token")
				.asString();
			ApiClient api = new ApiClient(ReportFixtures.this.port).withHeader("X-Parley-Visitor", token);
			ApiClient.Response started = api.post("/api/v1/widget/conversations", Map.of("question", question));
			assertThat(started.status()).as(started.toString()).isEqualTo(201);
			return new Visitor(started.json().path("id").asLong(), api);
		}

	}

}
