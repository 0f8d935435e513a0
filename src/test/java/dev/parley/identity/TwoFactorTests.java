package dev.parley.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.Totp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor sign-in with an authenticator app and recovery codes: enrolment, the second
 * step of a sign-in, replays and malformed codes, the throttle, enforcement per role and
 * an administrator's reset. Each test speaks from addresses of its own, so that its
 * failures do not hold up other tests' sign-ins from the same address.
 */
class TwoFactorTests extends IntegrationTest {

	private static final AtomicInteger addresses = new AtomicInteger();

	@Test
	void enrolmentShowsTheSecretOnceAndAWrongOrMalformedCodeDoesNotConfirmIt() {
		Member member = member("agent");
		assertThat(member.client.get("/api/v1/me/two-factor").json().path("enabled").asBoolean()).isFalse();
		JsonNode enrolment = member.client.post("/api/v1/me/two-factor/app", Map.of()).json();
		String secret = enrolment.path("secret").asString();
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(enrolment.path("otpauthUri").asString()).startsWith("otpauth://totp/")
			.contains("secret=" + secret, "algorithm=SHA1", "digits=6", "period=30");
		assertThat(enrolment.path("qrCode").asString()).startsWith("data:image/svg+xml;base64,");

		assertThat(confirm(member.client, "12345").code()).isEqualTo("malformed_code");
		assertThat(confirm(member.client, "abcdef").code()).isEqualTo("malformed_code");
		assertThat(confirm(member.client, null).code()).isEqualTo("malformed_code");
		ApiClient.Response wrong = confirm(member.client, otherThan(Totp.code(secret, this.clock.instant())));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.code()).isEqualTo("wrong_code");
		assertThat(member.client.get("/api/v1/me/two-factor").json().path("enabled").asBoolean()).isFalse();

		ApiClient.Response confirmed = confirm(member.client, Totp.code(secret, this.clock.instant()));
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		List<String> recoveryCodes = texts(confirmed.json().path("recoveryCodes"));
		assertThat(recoveryCodes).hasSize(10)
			.doesNotHaveDuplicates()
			.allMatch((code) -> code.matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}"));
		JsonNode status = member.client.get("/api/v1/me/two-factor").json();
		assertThat(status.path("enabled").asBoolean()).isTrue();
		assertThat(status.path("recoveryCodesLeft").asInt()).isEqualTo(10);
		assertThat(member.client.post("/api/v1/me/two-factor/app", Map.of()).code())
			.isEqualTo("two_factor_already_enabled");
		assertThat(confirm(member.client, Totp.code(secret, this.clock.instant())).code())
			.isEqualTo("two_factor_already_enabled");
		assertThat(admin().get("/api/v1/audit-events?action=two_factor.enrolled&actor=" + member.username).body())
			.contains(member.username);
		// the secret is sealed in the database, never stored as the app shows it
		assertThat(client().get("/api/v1/me/two-factor").status()).isEqualTo(401);
	}

	@Test
	void aPasswordAloneNoLongerSignsInAndTheCodeCompletesTheSignInOnce() {
		Member member = enrolled("agent");
		ApiClient browser = from(newAddress());
		ApiClient.Response password = browser.login(member.username, OWN_PASSWORD);
		assertThat(password.status()).as(password.toString()).isEqualTo(401);
		assertThat(password.code()).isEqualTo("second_factor_required");
		assertThat(texts(password.json().path("methods"))).contains("totp", "recovery_code");
		assertThat(browser.get("/api/v1/session").status()).isEqualTo(401);
		assertThat(browser.get("/api/v1/me/profile").status()).isEqualTo(401);

		assertThat(secondFactor(browser, "code", "12345").code()).isEqualTo("malformed_code");
		assertThat(secondFactor(browser, "code", "12a456").status()).isEqualTo(400);
		ApiClient.Response wrong = secondFactor(browser, "code", otherThan(member.code(this.clock)));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.code()).isEqualTo("wrong_code");

		this.clock.advance(Duration.ofSeconds(30));
		String code = member.code(this.clock);
		ApiClient.Response signedIn = secondFactor(browser, "code", code);
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		assertThat(signedIn.json().path("user").path("username").asString()).isEqualTo(member.username);
		assertThat(browser.get("/api/v1/me/profile").status()).isEqualTo(200);

		// the same code again, in its own time step, from another browser: a replay
		ApiClient other = from(newAddress());
		assertThat(other.login(member.username, OWN_PASSWORD).code()).isEqualTo("second_factor_required");
		ApiClient.Response replay = secondFactor(other, "code", code);
		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.code()).isEqualTo("code_already_used");
		// the device cookie of a browser that signed in does not skip the second factor
		ApiClient.Response again = browser.login(member.username, OWN_PASSWORD);
		assertThat(again.code()).isEqualTo("second_factor_required");

		// without a password first there is nothing to complete
		ApiClient stranger = from(newAddress());
		stranger.get("/api/v1/session");
		assertThat(secondFactor(stranger, "code", member.code(this.clock)).code()).isEqualTo("no_pending_sign_in");
		String audit = admin().get("/api/v1/audit-events?limit=100&actor=" + member.username).body();
		assertThat(audit).contains("two_factor.failed", "second factor: authenticator app");
	}

	@Test
	void aPendingSignInExpiresAfterFiveMinutes() {
		Member member = enrolled("agent");
		ApiClient browser = from(newAddress());
		assertThat(browser.login(member.username, OWN_PASSWORD).code()).isEqualTo("second_factor_required");
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(secondFactor(browser, "code", member.code(this.clock)).code()).isEqualTo("no_pending_sign_in");

		// a new password step, right or wrong, forgets the sign-in that waited
		assertThat(browser.login(member.username, OWN_PASSWORD).code()).isEqualTo("second_factor_required");
		assertThat(browser.login(member.username, "wrong").code()).isEqualTo("bad_credentials");
		assertThat(secondFactor(browser, "code", member.code(this.clock)).code()).isEqualTo("no_pending_sign_in");
	}

	@Test
	void eachRecoveryCodeSignsInOnce() {
		Member member = enrolled("agent");
		String recoveryCode = member.recoveryCodes.get(0);
		ApiClient browser = from(newAddress());
		browser.login(member.username, OWN_PASSWORD);
		assertThat(secondFactor(browser, "recoveryCode", "not-a-code").code()).isEqualTo("malformed_recovery_code");
		ApiClient.Response signedIn = secondFactor(browser, "recoveryCode", recoveryCode.toUpperCase());
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		assertThat(browser.get("/api/v1/me/two-factor").json().path("recoveryCodesLeft").asInt()).isEqualTo(9);

		ApiClient other = from(newAddress());
		other.login(member.username, OWN_PASSWORD);
		ApiClient.Response used = secondFactor(other, "recoveryCode", recoveryCode);
		assertThat(used.status()).isEqualTo(401);
		assertThat(used.code()).isEqualTo("wrong_recovery_code");
		assertThat(secondFactor(other, "recoveryCode", member.recoveryCodes.get(1)).status()).isEqualTo(200);
		assertThat(admin().get("/api/v1/audit-events?action=two_factor.recovery_code_used&actor=" + member.username)
			.body()).contains("8 left");

		// new codes need the password, and the old ones stop working
		assertThat(other.post("/api/v1/me/two-factor/recovery-codes", Map.of("currentPassword", "wrong")).code())
			.isEqualTo("wrong_current_password");
		ApiClient.Response renewed = other.post("/api/v1/me/two-factor/recovery-codes",
				Map.of("currentPassword", OWN_PASSWORD));
		assertThat(texts(renewed.json().path("recoveryCodes"))).hasSize(10)
			.doesNotContainAnyElementsOf(member.recoveryCodes);
		ApiClient third = from(newAddress());
		third.login(member.username, OWN_PASSWORD);
		assertThat(secondFactor(third, "recoveryCode", member.recoveryCodes.get(2)).code())
			.isEqualTo("wrong_recovery_code");
	}

	@Test
	void wrongCodesCountLikeWrongPasswordsAndMakeTheAccountWait() {
		Member member = enrolled("agent");
		ApiClient browser = from(newAddress());
		browser.login(member.username, OWN_PASSWORD);
		this.clock.advance(Duration.ofSeconds(30));
		String right = member.code(this.clock);
		for (int i = 1; i <= 5; i++) {
			assertThat(secondFactor(browser, "code", otherThan(right)).code()).as("attempt %d", i)
				.isEqualTo("wrong_code");
		}
		ApiClient.Response waits = secondFactor(browser, "code", right);
		assertThat(waits.status()).isEqualTo(429);
		assertThat(waits.code()).isEqualTo("sign_in_throttled");
		assertThat(waits.json().path("retryAfterSeconds").asInt()).isEqualTo(30);
		// the password step of the account waits too, from any unknown browser
		assertThat(from(newAddress()).login(member.username, OWN_PASSWORD).code()).isEqualTo("sign_in_throttled");

		this.clock.advance(Duration.ofSeconds(31));
		ApiClient.Response signedIn = secondFactor(browser, "code", member.code(this.clock));
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		assertThat(admin().get("/api/v1/audit-events?limit=100&actor=" + member.username).body())
			.contains("account.locked");
	}

	@Test
	void aRoleThatRequiresTwoFactorSendsItsHoldersToTheEnrolmentFirst() {
		ApiClient admin = admin();
		String roleName = unique("guarded");
		ApiClient.Response role = admin.post("/api/v1/roles",
				Map.of("name", roleName, "permissions", List.of("conversation.view"), "requiresTwoFactor", true));
		assertThat(role.status()).as(role.toString()).isEqualTo(201);
		assertThat(role.json().path("requiresTwoFactor").asBoolean()).isTrue();
		Member member = member(roleName);
		ApiClient.Response me = member.client.get("/api/v1/session");
		assertThat(me.json().path("twoFactorEnrolmentRequired").asBoolean()).isTrue();
		ApiClient.Response refused = member.client.get("/api/v1/me/profile");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("two_factor_enrolment_required");
		assertThat(member.client.get("/api/v1/users/" + 1).code()).isEqualTo("two_factor_enrolment_required");
		assertThat(member.client.get("/api/v1/me/two-factor").json().path("requiredByRole").asBoolean()).isTrue();

		String secret = member.client.post("/api/v1/me/two-factor/app", Map.of()).json().path("secret").asString();
		assertThat(confirm(member.client, Totp.code(secret, this.clock.instant())).status()).isEqualTo(200);
		assertThat(member.client.get("/api/v1/me/profile").status()).isEqualTo(200);
		assertThat(member.client.get("/api/v1/session").json().path("twoFactorEnrolmentRequired").asBoolean())
			.isFalse();
		// the role's holders cannot turn it off themselves
		ApiClient.Response off = member.client.send("DELETE", "/api/v1/me/two-factor",
				Map.of("currentPassword", OWN_PASSWORD), "application/json");
		assertThat(off.code()).isEqualTo("two_factor_required_by_role");

		// the setting is kept when an update leaves it out, and can be turned off
		long roleId = role.json().path("id").asLong();
		assertThat(admin
			.put("/api/v1/roles/" + roleId, Map.of("name", roleName, "permissions", List.of("conversation.view")))
			.json()
			.path("requiresTwoFactor")
			.asBoolean()).isTrue();
		assertThat(admin
			.put("/api/v1/roles/" + roleId,
					Map.of("name", roleName, "permissions", List.of("conversation.view"), "requiresTwoFactor", false))
			.json()
			.path("requiresTwoFactor")
			.asBoolean()).isFalse();
		assertThat(member.client
			.send("DELETE", "/api/v1/me/two-factor", Map.of("currentPassword", OWN_PASSWORD), "application/json")
			.status()).isEqualTo(204);
		assertThat(member.client.get("/api/v1/me/two-factor").json().path("enabled").asBoolean()).isFalse();
	}

	@Test
	void anAdministratorResetsTheSecondFactorAndTheUsersSessionsEnd() {
		Member member = enrolled("agent");
		long id = member.client.get("/api/v1/session").json().path("user").path("id").asLong();
		assertThat(signedInAs("supervisor").delete("/api/v1/users/" + id + "/two-factor").status()).isEqualTo(403);
		assertThat(signedInAs("agent").delete("/api/v1/users/" + id + "/two-factor").status()).isEqualTo(403);
		ApiClient anonymous = client();
		anonymous.get("/api/v1/session");
		assertThat(anonymous.delete("/api/v1/users/" + id + "/two-factor").status()).isEqualTo(401);
		assertThat(member.client.get("/api/v1/me/two-factor").json().path("enabled").asBoolean()).isTrue();

		assertThat(admin().delete("/api/v1/users/" + id + "/two-factor").status()).isEqualTo(204);
		assertThat(member.client.get("/api/v1/session").status()).isEqualTo(401);
		ApiClient again = from(newAddress());
		assertThat(again.login(member.username, OWN_PASSWORD).status()).isEqualTo(200);
		assertThat(again.get("/api/v1/me/two-factor").json().path("enabled").asBoolean()).isFalse();
		assertThat(admin().get("/api/v1/audit-events?action=two_factor.reset").body()).contains(member.username);
		assertThat(admin().delete("/api/v1/users/999999999/two-factor").status()).isEqualTo(404);
	}

	@Test
	void adoptionPerRoleCountsUsersWithASecondFactor(
			@org.springframework.beans.factory.annotation.Autowired StaffDirectory directory) {
		StaffDirectory.TwoFactorAdoption before = adoption(directory, "agent");
		enrolled("agent");
		member("agent");
		StaffDirectory.TwoFactorAdoption after = adoption(directory, "agent");
		assertThat(after.users()).isEqualTo(before.users() + 2);
		assertThat(after.usersWithTwoFactor()).isEqualTo(before.usersWithTwoFactor() + 1);
		assertThat(after.required()).isFalse();
	}

	private static StaffDirectory.TwoFactorAdoption adoption(StaffDirectory directory, String role) {
		return directory.twoFactorAdoption()
			.stream()
			.filter((adoption) -> adoption.role().equals(role))
			.findFirst()
			.orElseThrow();
	}

	/** A signed-in user with their own password. */
	private record Member(String username, ApiClient client, String secret, List<String> recoveryCodes) {

		String code(dev.parley.testing.MutableClock clock) {
			return Totp.code(this.secret, clock.instant());
		}

	}

	private Member member(String role) {
		String username = unique(role.length() > 20 ? "member" : role);
		createUser(username, role);
		ApiClient client = from(newAddress());
		choosesOwnPassword(client, username);
		return new Member(username, client, null, List.of());
	}

	private Member enrolled(String role) {
		Member member = member(role);
		String secret = member.client.post("/api/v1/me/two-factor/app", Map.of()).json().path("secret").asString();
		ApiClient.Response confirmed = confirm(member.client, Totp.code(secret, this.clock.instant()));
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		return new Member(member.username, member.client, secret, texts(confirmed.json().path("recoveryCodes")));
	}

	private static ApiClient.Response confirm(ApiClient client, String code) {
		java.util.Map<String, Object> body = new java.util.HashMap<>();
		body.put("code", code);
		return client.post("/api/v1/me/two-factor/app/confirm", body);
	}

	private static ApiClient.Response secondFactor(ApiClient client, String field, String value) {
		return client.post("/api/v1/session/second-factor", Map.of(field, value));
	}

	private static String otherThan(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asString()));
		return texts;
	}

	private static String newAddress() {
		int n = addresses.incrementAndGet();
		return "203.0." + (113 + (n / 250) % 100) + "." + (1 + n % 250);
	}

}
