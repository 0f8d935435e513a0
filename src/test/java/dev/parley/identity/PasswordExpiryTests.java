package dev.parley.identity;

import java.time.Duration;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moves the clock by months and back: while it is moved, every password in the
 * installation has expired (the administrator's too), so the test puts it back however it
 * ends.
 */
class PasswordExpiryTests extends IntegrationTest {

	@Test
	void theFirstSignInSaysItIsTheFirstAndAResetSaysItWasReset() {
		String username = unique("newcomer");
		long id = createUser(username, "agent").path("id").asLong();
		ApiClient newcomer = client();
		ApiClient.Response first = newcomer.login(username, INITIAL_PASSWORD);
		assertThat(first.json().path("passwordChangeReason").asString()).isEqualTo("first_sign_in");
		assertThat(first.json().path("passwordPolicy").path("minLength").asInt()).isPositive();
		assertThat(first.json().path("passwordPolicy").path("requiredClasses").asInt()).isPositive();
		assertThat(newcomer.get("/api/v1/session").json().path("passwordChangeReason").asString())
			.isEqualTo("first_sign_in");
		assertThat(newcomer
			.post("/api/v1/session/password",
					java.util.Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD))
			.status()).isEqualTo(204);
		ApiClient.Response chosen = newcomer.get("/api/v1/session");
		assertThat(chosen.json().path("passwordChangeReason").isNull()).as(chosen.toString()).isTrue();
		assertThat(chosen.json().path("passwordPolicy").path("minLength").asInt()).isPositive();

		this.clock.advance(Duration.ofSeconds(5));
		try {
			assertThat(admin()
				.post("/api/v1/users/" + id + "/password", java.util.Map.of("password", "Reset-Passw0rd!2026"))
				.status()).isEqualTo(204);
			assertThat(client().login(username, "Reset-Passw0rd!2026").json().path("passwordChangeReason").asString())
				.isEqualTo("reset");
		}
		finally {
			this.clock.advance(Duration.ofSeconds(-5));
		}
	}

	@Test
	void passwordPastMaximumAgeMustBeChanged() {
		ApiClient user = signedInAs("agent");
		String username = user.get("/api/v1/session").json().path("user").path("username").asString();
		this.clock.advance(Duration.ofDays(91));
		try {
			ApiClient again = client();
			ApiClient.Response login = again.login(username, OWN_PASSWORD);
			assertThat(login.status()).isEqualTo(200);
			assertThat(login.json().path("user").path("passwordChangeRequired").asBoolean()).isTrue();
			assertThat(login.json().path("passwordChangeReason").asString()).isEqualTo("expired");
			assertThat(again.get("/api/v1/permissions").status()).isEqualTo(200);
			assertThat(again.get("/api/v1/roles").code()).isEqualTo("password_change_required");
		}
		finally {
			this.clock.advance(Duration.ofDays(-91));
		}
	}

}
