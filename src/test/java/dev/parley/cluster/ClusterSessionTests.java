package dev.parley.cluster;

import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real nodes of a cluster ({@link TwoNodes}): a console session begun on one node is
 * valid on the other, and ending it on one ends it on both (no sticky sessions); a
 * visitor connected to one node and an agent connected to the other chat live.
 */
@Timeout(120)
class ClusterSessionTests {

	@RegisterExtension
	static final TwoNodes.Extension cluster = new TwoNodes.Extension();

	@Test
	void sessionBegunOnOneNodeIsValidOnTheOther() {
		ApiClient browser = new ApiClient(cluster.portA());
		ApiClient.Response login = browser.login(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD);
		assertThat(login.status()).as(login.toString()).isEqualTo(200);

		ApiClient sameBrowserOnB = browser.onPort(cluster.portB());
		assertThat(sameBrowserOnB.get("/api/v1/session").json().path("user").path("username").asString())
			.isEqualTo("admin");
		ApiClient.Response created = sameBrowserOnB.post("/api/v1/users",
				Map.of("username", "made.on.b", "displayName", "B", "roleId", 3, "password", "Made-On-B-Passw0rd!"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(browser.get("/api/v1/users?q=made.on.b").json().path("items").size()).isOne();

		assertThat(sameBrowserOnB.delete("/api/v1/session").status()).isEqualTo(204);
		assertThat(browser.get("/api/v1/session").status()).isEqualTo(401);
	}

	/**
	 * The session version lives in the database and the session in Redis: a password
	 * changed on one node ends the user's other sessions on every node at once, and the
	 * session that changed it goes on, on every node.
	 */
	@Test
	void aPasswordChangeOnOneNodeEndsTheUsersOtherSessionsOnEveryNode() {
		ApiClient admin = new ApiClient(cluster.portA());
		assertThat(admin.login(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD).status()).isEqualTo(200);
		String username = "changer." + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin
			.post("/api/v1/users",
					Map.of("username", username, "displayName", "Changer", "roleId", 3, "password",
							"Initial-Passw0rd!"))
			.status()).isEqualTo(201);
		ApiClient changer = new ApiClient(cluster.portA());
		assertThat(changer.login(username, "Initial-Passw0rd!").status()).isEqualTo(200);
		assertThat(changer
			.post("/api/v1/session/password",
					Map.of("currentPassword", "Initial-Passw0rd!", "newPassword", "Second-Passw0rd!"))
			.status()).isEqualTo(204);
		ApiClient other = new ApiClient(cluster.portB());
		assertThat(other.login(username, "Second-Passw0rd!").status()).isEqualTo(200);
		assertThat(other.get("/api/v1/session").status()).isEqualTo(200);

		assertThat(changer
			.post("/api/v1/session/password",
					Map.of("currentPassword", "Second-Passw0rd!", "newPassword", "Third-Passw0rd!"))
			.status()).isEqualTo(204);
		assertThat(other.get("/api/v1/session").status()).isEqualTo(401);
		assertThat(other.onPort(cluster.portA()).get("/api/v1/session").status()).isEqualTo(401);
		assertThat(changer.get("/api/v1/session").status()).isEqualTo(200);
		assertThat(changer.onPort(cluster.portB()).get("/api/v1/session").status()).isEqualTo(200);
	}

	@Test
	void aVisitorOnOneNodeAndAnAgentOnTheOtherChatLive() {
		ApiClient admin = new ApiClient(cluster.portA());
		assertThat(admin.login(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD).status()).isEqualTo(200);
		String key = admin
			.post("/api/v1/channels", Map.of("kind", "website", "name", "Cluster " + UUID.randomUUID(),
					"allowedOrigins", java.util.List.of("*")))
			.json()
			.path("key")
			.asString();
		ApiClient visitorOnA = new ApiClient(cluster.portA());
		String token = visitorOnA.post("/api/v1/widget/channels/" + key + "/visitors", Map.of())
			.json()
			.path("token")
			.asString();
		visitorOnA.withHeader("X-Parley-Visitor", token);
		long conversation = visitorOnA.post("/api/v1/widget/conversations", Map.of()).json().path("id").asLong();
		ApiClient adminOnB = admin.onPort(cluster.portB());
		assertThat(adminOnB.post("/api/v1/conversations/" + conversation + "/assign", Map.of()).status())
			.isEqualTo(200);
		try (SocketClient visitor = SocketClient.visitor(cluster.portA(), token);
				SocketClient agent = SocketClient.staff(cluster.portB(), adminOnB)) {
			visitor
				.send(Map.of("type", "send", "conversationId", conversation, "clientId", "v-1", "text", "from node A"));
			visitor.expect("ack");
			agent.expect(
					(f) -> f.path("type").asString().equals("message")
							&& f.path("message").path("clientId").asString().equals("v-1"),
					"visitor's message on node B");
			agent.send(Map.of("type", "typing", "conversationId", conversation, "typing", true));
			visitor.expect("typing");
			agent
				.send(Map.of("type", "send", "conversationId", conversation, "clientId", "a-1", "text", "from node B"));
			visitor.expect((f) -> f.path("type").asString().equals("message")
					&& f.path("message").path("clientId").asString().equals("a-1"), "agent's reply on node A");
		}
	}

}
