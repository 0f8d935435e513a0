package dev.parley.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.parley.identity.StaffAccessChanged.Reason;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change of a staff member's credentials or access takes effect on their sessions at
 * once: a password change ends every other session (the one that made it goes on), a
 * reset by an administrator ends all, and so do disabling, deleting, and taking a
 * permission away (another role, changed overrides or changed role permissions); a change
 * that only adds is seen by the very next call. Each change publishes
 * {@link StaffAccessChanged} inside its transaction, for those who hold something on the
 * user's behalf (the realtime gateway's sockets).
 */
class AccessChangeTests extends IntegrationTest {

	private static final String THIRD_PASSWORD = "Third-Chosen-Passw0rd!";

	@Autowired
	ApplicationContext context;

	/** The events seen, each with whether a transaction was active when it came. */
	private final List<Published> published = new CopyOnWriteArrayList<>();

	private ApplicationListener<PayloadApplicationEvent<StaffAccessChanged>> listener;

	record Published(StaffAccessChanged event, boolean inTransaction) {
	}

	@BeforeEach
	void listen() {
		this.listener = ApplicationListener.forPayload((StaffAccessChanged event) -> this.published
			.add(new Published(event, TransactionSynchronizationManager.isActualTransactionActive())));
		multicaster().addApplicationListener(this.listener);
	}

	@AfterEach
	void stopListening() {
		multicaster().removeApplicationListener(this.listener);
	}

	@Test
	void changingOnesPasswordEndsEveryOtherSessionAndKeepsThisOne() {
		Staff staff = staff("supervisor");
		ApiClient first = staff.session();
		ApiClient second = signIn(staff.username(), OWN_PASSWORD);
		ApiClient third = signIn(staff.username(), OWN_PASSWORD);
		assertThat(second.get("/api/v1/users").status()).isEqualTo(200);
		String sessionBefore = first.cookie("PARLEY_SESSION");

		ApiClient.Response change = first.post("/api/v1/session/password",
				Map.of("currentPassword", OWN_PASSWORD, "newPassword", THIRD_PASSWORD));
		assertThat(change.status()).as(change.toString()).isEqualTo(204);

		assertThat(first.get("/api/v1/users").status()).isEqualTo(200);
		assertThat(first.cookie("PARLEY_SESSION")).isNotEqualTo(sessionBefore);
		for (ApiClient other : List.of(second, third)) {
			ApiClient.Response ended = other.get("/api/v1/users");
			assertThat(ended.status()).isEqualTo(401);
			assertThat(ended.code()).isEqualTo("unauthenticated");
			assertThat(other.get("/api/v1/session").status()).isEqualTo(401);
		}
		assertThat(signIn(staff.username(), THIRD_PASSWORD).get("/api/v1/users").status()).isEqualTo(200);
		assertThat(first.get("/api/v1/session").status()).isEqualTo(200);
		assertPublished(staff.id(), Reason.PASSWORD_CHANGED);
	}

	@Test
	void aWrongCurrentPasswordChangesNothingAndEndsNoSession() {
		Staff staff = staff("supervisor");
		ApiClient second = signIn(staff.username(), OWN_PASSWORD);
		ApiClient.Response change = staff.session()
			.post("/api/v1/session/password", Map.of("currentPassword", "not-it", "newPassword", THIRD_PASSWORD));
		assertThat(change.code()).isEqualTo("wrong_current_password");
		assertThat(second.get("/api/v1/users").status()).isEqualTo(200);
		assertThat(staff.session().get("/api/v1/users").status()).isEqualTo(200);
		assertThat(this.published).isEmpty();
	}

	@Test
	void guessingTheCurrentPasswordThroughAnOpenSessionIsThrottled() {
		Staff staff = staff("supervisor");
		for (int i = 0; i < 5; i++) {
			assertThat(staff.session()
				.post("/api/v1/session/password",
						Map.of("currentPassword", "guess-" + i, "newPassword", THIRD_PASSWORD))
				.code()).isEqualTo("wrong_current_password");
		}
		ApiClient.Response right = staff.session()
			.post("/api/v1/session/password", Map.of("currentPassword", OWN_PASSWORD, "newPassword", THIRD_PASSWORD));
		assertThat(right.status()).isEqualTo(429);
		assertThat(right.code()).isEqualTo("sign_in_throttled");
		assertThat(right.header("Retry-After")).isNotBlank();
		// signing in is another matter
		assertThat(signIn(staff.username(), OWN_PASSWORD).get("/api/v1/users").status()).isEqualTo(200);
	}

	@Test
	void aResetByAnAdministratorEndsEverySession() {
		Staff staff = staff("supervisor");
		ApiClient second = signIn(staff.username(), OWN_PASSWORD);
		ApiClient.Response reset = admin().post("/api/v1/users/" + staff.id() + "/password",
				Map.of("password", THIRD_PASSWORD));
		assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
		assertThat(staff.session().get("/api/v1/session").status()).isEqualTo(401);
		assertThat(second.get("/api/v1/users").status()).isEqualTo(401);
		ApiClient again = signIn(staff.username(), THIRD_PASSWORD);
		assertThat(again.get("/api/v1/users").code()).isEqualTo("password_change_required");
		assertPublished(staff.id(), Reason.PASSWORD_RESET);
	}

	@Test
	void disablingEndsTheSessionAtOnce() {
		Staff staff = staff("supervisor");
		assertThat(updateProfile(staff.user(), roleId("supervisor"), false).status()).isEqualTo(200);
		assertThat(staff.session().get("/api/v1/users").status()).isEqualTo(401);
		assertPublished(staff.id(), Reason.DISABLED);
	}

	@Test
	void deletingEndsTheSessionAtOnce() {
		Staff staff = staff("supervisor");
		assertThat(admin().delete("/api/v1/users/" + staff.id()).status()).isEqualTo(204);
		assertThat(staff.session().get("/api/v1/users").status()).isEqualTo(401);
		assertThat(staff.session().get("/api/v1/session").status()).isEqualTo(401);
		assertPublished(staff.id(), Reason.DELETED);
	}

	@Test
	void aRoleWithLessEndsTheSessionsAtOnce() {
		Staff staff = staff("supervisor");
		ApiClient second = signIn(staff.username(), OWN_PASSWORD);
		assertThat(staff.session().get("/api/v1/users").status()).isEqualTo(200);
		assertThat(updateProfile(staff.user(), roleId("agent"), true).status()).isEqualTo(200);
		for (ApiClient session : List.of(staff.session(), second)) {
			ApiClient.Response refused = session.get("/api/v1/users");
			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.code()).isEqualTo("unauthenticated");
		}
		// signed in again, with what the new role holds
		assertThat(signIn(staff.username(), OWN_PASSWORD).get("/api/v1/users").code()).isEqualTo("forbidden");
		assertPublished(staff.id(), Reason.PERMISSIONS_REVOKED);
	}

	@Test
	void aRoleThatTakesNothingAwayKeepsTheSessionsAndTakesEffectAtOnce() {
		ApiClient admin = admin();
		String roleName = unique("Wider");
		ApiClient.Response role = admin.post("/api/v1/roles",
				Map.of("name", roleName, "permissions", List.of("conversation.view", "user.view")));
		assertThat(role.status()).as(role.toString()).isEqualTo(201);
		String narrowName = unique("Narrow");
		ApiClient.Response narrow = admin.post("/api/v1/roles",
				Map.of("name", narrowName, "permissions", List.of("conversation.view")));
		assertThat(narrow.status()).as(narrow.toString()).isEqualTo(201);
		Staff staff = staff(narrowName);
		assertThat(staff.session().get("/api/v1/users").status()).isEqualTo(403);
		assertThat(updateProfile(staff.user(), role.json().path("id").asLong(), true).status()).isEqualTo(200);
		assertThat(staff.session().get("/api/v1/users").status()).isEqualTo(200);
		assertPublished(staff.id(), Reason.ROLE_CHANGED);
	}

	@Test
	void aRevokedOverrideEndsTheSessionsAGrantedOneTakesEffectAtOnce() {
		Staff staff = staff("agent");
		ApiClient admin = admin();
		String permissions = "/api/v1/users/" + staff.id() + "/permissions";
		assertThat(admin.put(permissions, Map.of("granted", List.of("user.view"), "revoked", List.of())).status())
			.isEqualTo(200);
		assertThat(staff.session().get("/api/v1/users").status()).isEqualTo(200);
		assertPublished(staff.id(), Reason.PERMISSIONS_CHANGED);
		this.published.clear();
		assertThat(admin.put(permissions, Map.of("granted", List.of(), "revoked", List.of("user.view"))).status())
			.isEqualTo(200);
		assertThat(staff.session().get("/api/v1/users").status()).isEqualTo(401);
		assertThat(signIn(staff.username(), OWN_PASSWORD).get("/api/v1/users").status()).isEqualTo(403);
		assertPublished(staff.id(), Reason.PERMISSIONS_REVOKED);
	}

	@Test
	void disabledAndEnabledAgainTheOldSessionsStayEnded() {
		Staff staff = staff("supervisor");
		assertThat(updateProfile(staff.user(), roleId("supervisor"), false).status()).isEqualTo(200);
		assertThat(updateProfile(staff.user(), roleId("supervisor"), true).status()).isEqualTo(200);
		assertThat(staff.session().get("/api/v1/users").status()).isEqualTo(401);
		assertThat(signIn(staff.username(), OWN_PASSWORD).get("/api/v1/users").status()).isEqualTo(200);
	}

	@Test
	void changedRolePermissionsEndTheSessionsOfEveryHolderWhoLosesOne() {
		ApiClient admin = admin();
		String roleName = unique("Readers");
		ApiClient.Response role = admin.post("/api/v1/roles",
				Map.of("name", roleName, "permissions", List.of("user.view", "conversation.view")));
		assertThat(role.status()).as(role.toString()).isEqualTo(201);
		long roleId = role.json().path("id").asLong();
		Staff first = staff(roleName);
		Staff second = staff(roleName);
		assertThat(first.session().get("/api/v1/users").status()).isEqualTo(200);

		assertThat(admin
			.put("/api/v1/roles/" + roleId, Map.of("name", roleName, "permissions", List.of("conversation.view")))
			.status()).isEqualTo(200);
		assertThat(first.session().get("/api/v1/users").status()).isEqualTo(401);
		assertThat(second.session().get("/api/v1/users").status()).isEqualTo(401);
		assertThat(signIn(first.username(), OWN_PASSWORD).get("/api/v1/users").status()).isEqualTo(403);
		assertThat(this.published).as("events published")
			.contains(new Published(StaffAccessChanged.of(Set.of(first.id(), second.id()), Reason.PERMISSIONS_REVOKED),
					true))
			.allMatch(Published::inTransaction);
		this.published.clear();

		// a permission added takes nothing away: the sessions go on and see it at once
		ApiClient third = signIn(second.username(), OWN_PASSWORD);
		assertThat(admin
			.put("/api/v1/roles/" + roleId,
					Map.of("name", roleName, "permissions", List.of("conversation.view", "user.view")))
			.status()).isEqualTo(200);
		assertThat(third.get("/api/v1/users").status()).isEqualTo(200);
		assertThat(this.published).extracting((seen) -> seen.event().reason())
			.containsExactly(Reason.ROLE_PERMISSIONS_CHANGED);
	}

	@Test
	void signingOutPublishesTheSessionThatEnded() {
		Staff staff = staff("agent");
		assertThat(staff.session().delete("/api/v1/session").status()).isEqualTo(204);
		assertThat(this.published).singleElement().satisfies((seen) -> {
			assertThat(seen.inTransaction()).isTrue();
			assertThat(seen.event().userIds()).containsExactly(staff.id());
			assertThat(seen.event().reason()).isEqualTo(Reason.SIGNED_OUT);
			assertThat(seen.event().sessionId()).isNotBlank();
		});
	}

	private void assertPublished(long userId, Reason reason) {
		assertThat(this.published).as("events published")
			.contains(new Published(StaffAccessChanged.of(Set.of(userId), reason), true))
			.allMatch(Published::inTransaction);
	}

	/** A staff member with a role, signed in once, with their own password chosen. */
	record Staff(long id, String username, JsonNode user, ApiClient session) {
	}

	private Staff staff(String role) {
		String username = unique(role.toLowerCase(java.util.Locale.ROOT));
		JsonNode user = createUser(username, role);
		ApiClient session = signIn(username, INITIAL_PASSWORD);
		ApiClient.Response change = session.post("/api/v1/session/password",
				Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		assertThat(change.status()).as(change.toString()).isEqualTo(204);
		this.published.clear();
		return new Staff(user.path("id").asLong(), username, user, session);
	}

	private ApiClient signIn(String username, String password) {
		ApiClient client = client();
		ApiClient.Response login = client.login(username, password);
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		return client;
	}

	private ApiClient.Response updateProfile(JsonNode user, long roleId, boolean enabled) {
		return admin().put("/api/v1/users/" + user.path("id").asLong(),
				Map.of("displayName", user.path("displayName").asString(), "roleId", roleId, "enabled", enabled));
	}

	private ApplicationEventMulticaster multicaster() {
		return this.context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
				ApplicationEventMulticaster.class);
	}

}
