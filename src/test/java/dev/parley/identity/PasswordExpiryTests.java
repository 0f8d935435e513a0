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
	void passwordPastMaximumAgeMustBeChanged() {
		ApiClient user = signedInAs("agent");
		String username = user.get("/api/v1/session").json().path("user").path("username").asString();
		this.clock.advance(Duration.ofDays(91));
		try {
			ApiClient again = client();
			ApiClient.Response login = again.login(username, OWN_PASSWORD);
			assertThat(login.status()).isEqualTo(200);
			assertThat(login.json().path("user").path("passwordChangeRequired").asBoolean()).isTrue();
			assertThat(again.get("/api/v1/permissions").status()).isEqualTo(200);
			assertThat(again.get("/api/v1/roles").code()).isEqualTo("password_change_required");
		}
		finally {
			this.clock.advance(Duration.ofDays(-91));
		}
	}

}
