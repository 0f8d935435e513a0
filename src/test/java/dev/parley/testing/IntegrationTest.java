package dev.parley.testing;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP flow tests: the whole application on a random port over an in-memory
 * H2 database, installed once with a known administrator. Tests create their own users
 * with unique names, so they do not depend on each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
public abstract class IntegrationTest {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "Ops-Passw0rd!2026";

	/** Password given to users the tests create, and the one they change it to. */
	public static final String INITIAL_PASSWORD = "Initial-Passw0rd!";

	public static final String OWN_PASSWORD = "Own-Chosen-Passw0rd!";

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void installOnce() {
		ApiClient client = client();
		if (client.get("/api/v1/setup").status() == 200) {
			ApiClient.Response response = client.post("/api/v1/setup",
					Map.of("organisationName", "Acme Support", "language", "en", "timeZone", "Asia/Shanghai",
							"adminUsername", ADMIN, "adminDisplayName", "Ada Admin", "adminEmail", "ada@example.com",
							"adminPassword", ADMIN_PASSWORD));
			assertThat(response.status()).as(response.toString()).isIn(201, 404);
		}
	}

	protected ApiClient client() {
		return new ApiClient(this.port);
	}

	protected ApiClient admin() {
		ApiClient admin = client();
		ApiClient.Response response = admin.login(ADMIN, ADMIN_PASSWORD);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return admin;
	}

	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	protected long roleId(String name) {
		for (JsonNode role : admin().get("/api/v1/roles").json()) {
			if (role.path("name").asString().equals(name)) {
				return role.path("id").asLong();
			}
		}
		throw new IllegalArgumentException("No role " + name);
	}

	/** Creates a user with the given role through the API; returns its JSON. */
	protected JsonNode createUser(String username, String role) {
		ApiClient.Response response = admin().post("/api/v1/users",
				Map.of("username", username, "displayName", "User " + username, "email", username + "@example.com",
						"roleId", roleId(role), "password", INITIAL_PASSWORD));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	/**
	 * Creates a user of the role who has chosen his own password ({@link #OWN_PASSWORD})
	 * as required at his first sign-in.
	 * @return the username
	 */
	protected String userWithOwnPassword(String role) {
		String username = unique("user");
		createUser(username, role);
		choosesOwnPassword(client(), username);
		return username;
	}

	/**
	 * Signs a new user in on the client with the password an administrator gave
	 * ({@link #INITIAL_PASSWORD}) and chooses his own ({@link #OWN_PASSWORD}), as his
	 * first sign-in requires; the client stays signed in.
	 */
	protected void choosesOwnPassword(ApiClient client, String username) {
		assertThat(client.login(username, INITIAL_PASSWORD).status()).isEqualTo(200);
		ApiClient.Response change = client.post("/api/v1/session/password",
				Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		assertThat(change.status()).as(change.toString()).isEqualTo(204);
	}

	/**
	 * A client whose requests come from the given address ({@code X-Forwarded-For} from
	 * the loopback proxy, which is trusted).
	 */
	protected ApiClient from(String address) {
		return client().withHeader("X-Forwarded-For", address);
	}

	/** Creates a user and signs in as them, choosing their own password as required. */
	protected ApiClient signedInAs(String role) {
		String username = unique(role);
		createUser(username, role);
		ApiClient client = client();
		choosesOwnPassword(client, username);
		return client;
	}

	/**
	 * Waits until every module event published so far has been handled by its listeners
	 * (or has failed), so that a test can assert that nothing more happened without
	 * sleeping first.
	 */
	protected void eventsHandled() {
		ModuleEvents.awaitHandled(this.jdbc);
	}

}
