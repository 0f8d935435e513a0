package dev.parley.identity;

import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTests extends IntegrationTest {

	@Test
	void signsInReportsPermissionsAndSignsOut() {
		ApiClient admin = admin();
		ApiClient.Response me = admin.get("/api/v1/session");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("user").path("username").asString()).isEqualTo(ADMIN);
		assertThat(me.json().path("user").path("permissions").toString()).contains("user.manage", "system.monitor");
		assertThat(me.json().path("organisation").path("timeZone").asString()).isEqualTo("Asia/Shanghai");
		assertThat(me.body()).doesNotContain("passwordHash", "argon2");

		assertThat(admin.delete("/api/v1/session").status()).isEqualTo(204);
		assertThat(admin.get("/api/v1/session").status()).isEqualTo(401);
		assertThat(admin.get("/api/v1/users").code()).isEqualTo("unauthenticated");
	}

	@Test
	void refusesWrongPasswordAndUnknownUserAlike() {
		ApiClient.Response wrong = client().login(ADMIN, "not-the-password");
		ApiClient.Response unknown = client().login("nobody-" + System.nanoTime(), "whatever-password");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.code()).isEqualTo("bad_credentials");
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.code()).isEqualTo("bad_credentials");
	}

	@Test
	void refusesStateChangesWithoutCsrfToken() {
		ApiClient admin = admin();
		admin.withoutCsrf();
		String username = unique("csrf");
		ApiClient.Response response = admin.post("/api/v1/users", Map.of("username", username, "displayName", "X",
				"roleId", roleId("agent"), "password", INITIAL_PASSWORD));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.code()).isEqualTo("csrf_refused");
		assertThat(admin().get("/api/v1/users?q=" + username).json().path("items").size()).isZero();
	}

	@Test
	void refusesLoginWithoutCsrfToken() {
		ApiClient forged = client().withoutCsrf();
		ApiClient.Response response = forged.post("/api/v1/session",
				Map.of("username", ADMIN, "password", ADMIN_PASSWORD));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.code()).isEqualTo("csrf_refused");
	}

	@Test
	void newUserMustChooseOwnPasswordBeforeAnythingElse() {
		String username = unique("first");
		createUser(username, "supervisor");
		ApiClient user = client();
		ApiClient.Response login = user.login(username, INITIAL_PASSWORD);
		assertThat(login.json().path("user").path("passwordChangeRequired").asBoolean()).isTrue();
		ApiClient.Response blocked = user.get("/api/v1/users");
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.code()).isEqualTo("password_change_required");

		ApiClient.Response reuse = user.post("/api/v1/session/password",
				Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", INITIAL_PASSWORD));
		assertThat(reuse.code()).isEqualTo("password_policy");
		assertThat(reuse.json().path("violations").toString()).contains("reused");

		assertThat(user
			.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD))
			.status()).isEqualTo(204);
		assertThat(user.get("/api/v1/users").status()).isEqualTo(200);
	}

	@Test
	void passwordChangeChecksCurrentPasswordAndPolicy() {
		ApiClient user = signedInAs("agent");
		ApiClient.Response wrongCurrent = user.post("/api/v1/session/password",
				Map.of("currentPassword", "nope", "newPassword", "Another-Passw0rd!"));
		assertThat(wrongCurrent.code()).isEqualTo("wrong_current_password");
		ApiClient.Response weak = user.post("/api/v1/session/password",
				Map.of("currentPassword", OWN_PASSWORD, "newPassword", "short"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().path("violations").toString()).contains("min_length", "character_classes");
	}

	@Test
	void disablingAUserEndsTheirSessionAtOnce() {
		ApiClient user = signedInAs("agent");
		long id = user.get("/api/v1/session").json().path("user").path("id").asLong();
		ApiClient admin = admin();
		var current = admin.get("/api/v1/users/" + id).json();
		assertThat(
				admin
					.put("/api/v1/users/" + id,
							Map.of("displayName", current.path("displayName").asString(), "roleId",
									current.path("role").path("id").asLong(), "enabled", false))
					.status())
			.isEqualTo(200);
		assertThat(user.get("/api/v1/session").status()).isEqualTo(401);
		String username = current.path("username").asString();
		assertThat(client().login(username, OWN_PASSWORD).code()).isEqualTo("account_disabled");
	}

}
