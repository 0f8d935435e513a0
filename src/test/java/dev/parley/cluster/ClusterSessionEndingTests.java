package dev.parley.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real nodes ({@link TwoNodes}: PostgreSQL, Redis, RabbitMQ): a change made on node A
 * that ends a user's sessions (disabling, taking a permission away in any of three ways,
 * a password change or reset, ending a session from the sessions list) stops the user's
 * REST calls and closes his socket on node B within a second. The second is a functional
 * bound of issue 17, not a measurement: the socket closes when the cluster event arrives,
 * and REST checks the database on every call.
 */
@Timeout(180)
class ClusterSessionEndingTests {

	private static final String INITIAL = "Initial-Passw0rd!";

	private static final String OWN = "Own-Chosen-Passw0rd!";

	private static final Duration WITHIN = Duration.ofSeconds(1);

	@RegisterExtension
	static final TwoNodes.Extension cluster = new TwoNodes.Extension();

	@Test
	void disablingOnOneNodeEndsTheSessionAndSocketOnTheOther() {
		endsOnB("agent",
				(admin, user) -> expect(
						admin.put("/api/v1/users/" + user.id(),
								Map.of("displayName", "Gone", "roleId", roleId(admin, "agent"), "enabled", false)),
						200));
	}

	@Test
	void anotherRoleWithLessOnOneNodeEndsTheSessionAndSocketOnTheOther() {
		endsOnB("supervisor",
				(admin, user) -> expect(
						admin.put("/api/v1/users/" + user.id(),
								Map.of("displayName", "Less", "roleId", roleId(admin, "agent"), "enabled", true)),
						200));
	}

	@Test
	void aRevokedOverrideOnOneNodeEndsTheSessionAndSocketOnTheOther() {
		endsOnB("agent", (admin, user) -> expect(admin.put("/api/v1/users/" + user.id() + "/permissions",
				Map.of("granted", List.of(), "revoked", List.of("conversation.transfer"))), 200));
	}

	@Test
	void aPermissionTakenFromTheRoleOnOneNodeEndsTheSessionAndSocketOnTheOther() {
		ApiClient admin = admin();
		String name = "Chatters " + UUID.randomUUID().toString().substring(0, 8);
		ApiClient.Response role = admin.post("/api/v1/roles",
				Map.of("name", name, "permissions", List.of("conversation.view", "conversation.reply")));
		assertThat(role.status()).as(role.toString()).isEqualTo(201);
		long roleId = role.json().path("id").asLong();
		endsOnB(name, (a, user) -> expect(
				a.put("/api/v1/roles/" + roleId, Map.of("name", name, "permissions", List.of("conversation.view"))),
				200));
	}

	@Test
	void aPasswordResetOnOneNodeEndsTheSessionAndSocketOnTheOther() {
		endsOnB("agent", (admin, user) -> expect(
				admin.post("/api/v1/users/" + user.id() + "/password", Map.of("password", "Reset-By-Admin-Passw0rd!")),
				204));
	}

	@Test
	void aPasswordChangedInAnotherSessionOnOneNodeEndsTheSessionAndSocketOnTheOther() {
		endsOnB("agent", (admin, user) -> {
			ApiClient elsewhere = signIn(cluster.portA(), user.username(), OWN);
			expect(elsewhere.post("/api/v1/session/password",
					Map.of("currentPassword", OWN, "newPassword", "Changed-Elsewhere-Passw0rd!")), 204);
		});
	}

	@Test
	void anAdministratorEndingTheSessionOnOneNodeEndsItAndItsSocketOnTheOther() {
		endsOnB("agent", (admin, user) -> {
			String sessions = "/api/v1/users/" + user.id() + "/sessions";
			JsonNode listed = admin.get(sessions).json();
			assertThat(listed).hasSize(1);
			expect(admin.delete(sessions + "/" + listed.path(0).path("id").asString()), 204);
		});
	}

	@Test
	void theUserEndingHisSessionFromAnotherOnOneNodeEndsItAndItsSocketOnTheOther() {
		endsOnB("agent", (admin, user) -> {
			ApiClient elsewhere = signIn(cluster.portA(), user.username(), OWN);
			ApiClient.Response ended = elsewhere.delete("/api/v1/session/sessions");
			expect(ended, 200);
			assertThat(ended.json().path("ended").asInt()).isEqualTo(1);
			assertThat(elsewhere.get("/api/v1/session").status()).isEqualTo(200);
		});
	}

	/**
	 * A user of the role signed in on node B with a socket there; the change made on node
	 * A (by the administrator, or by the user elsewhere) ends both within a second.
	 */
	private void endsOnB(String role, BiConsumer<ApiClient, User> change) {
		ApiClient admin = admin();
		User user = createUser(admin, role);
		ApiClient onB = signIn(cluster.portB(), user.username(), INITIAL);
		expect(onB.post("/api/v1/session/password", Map.of("currentPassword", INITIAL, "newPassword", OWN)), 204);
		expect(onB.get("/api/v1/session"), 200);
		try (SocketClient socket = SocketClient.staff(cluster.portB(), onB)) {
			socket.send(Map.of("type", "ping"));
			socket.expect("pong");

			change.accept(admin, user);

			Eventually.within(WITHIN, () -> {
				assertThat(socket.isClosed()).as("the socket on node B closed").isTrue();
				assertThat(onB.get("/api/v1/session").status()).as("REST on node B").isEqualTo(401);
				return null;
			});
			assertThat(socket.awaitClose()).isEqualTo(4403);
		}
		assertThat(onB.onPort(cluster.portA()).get("/api/v1/session").status()).isEqualTo(401);
	}

	record User(long id, String username) {
	}

	private static User createUser(ApiClient admin, String role) {
		String username = "ending." + UUID.randomUUID().toString().substring(0, 8);
		ApiClient.Response created = admin.post("/api/v1/users", Map.of("username", username, "displayName",
				"Ending " + username, "roleId", roleId(admin, role), "password", INITIAL));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return new User(created.json().path("id").asLong(), username);
	}

	private static long roleId(ApiClient admin, String name) {
		for (JsonNode role : admin.get("/api/v1/roles").json()) {
			if (role.path("name").asString().equals(name)) {
				return role.path("id").asLong();
			}
		}
		throw new IllegalArgumentException("No role " + name);
	}

	private static ApiClient admin() {
		return signIn(cluster.portA(), TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD);
	}

	private static ApiClient signIn(int port, String username, String password) {
		ApiClient client = new ApiClient(port);
		ApiClient.Response login = client.login(username, password);
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		return client;
	}

	private static void expect(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
	}

}
