package dev.parley.identity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SoftwarePasskey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys as a second factor, through the API with an authenticator in software:
 * registration, the second step of a sign-in, refused and replayed answers, oversized and
 * malformed bodies, other users' passkeys, removal, an administrator's reset, and a role
 * that requires a second factor. Each test speaks from addresses of its own.
 */
class PasskeyTests extends IntegrationTest {

	private static final String PASSKEYS = "/api/v1/me/two-factor/passkeys";

	private static final String SIGN_IN = "/api/v1/session/second-factor/passkey";

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aRegisteredPasskeyCompletesTheSignInAfterThePassword() {
		Member member = member("agent");
		assertThat(member.client.get(PASSKEYS).json()).isEmpty();
		JsonNode options = member.client.post(PASSKEYS + "/options", Map.of()).json();
		assertThat(options.path("challenge").asString()).isNotBlank();
		assertThat(options.path("rp").path("id").asString()).isEqualTo("127.0.0.1");
		assertThat(options.path("user").path("name").asString()).isEqualTo(member.username);
		assertThat(options.path("attestation").asString()).isEqualTo("none");
		SoftwarePasskey passkey = new SoftwarePasskey();
		ApiClient.Response registered = member.client.post(PASSKEYS,
				Map.of("label", "  Laptop  ", "credential", passkey.register(options, origin(), null)));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		assertThat(registered.json().path("passkey").path("label").asString()).isEqualTo("Laptop");
		assertThat(registered.json().path("recoveryCodes")).hasSize(10);
		JsonNode status = member.client.get("/api/v1/me/two-factor").json();
		assertThat(status.path("enabled").asBoolean()).isTrue();
		assertThat(status.path("app").asBoolean()).isFalse();
		assertThat(status.path("passkeys").asInt()).isEqualTo(1);
		assertThat(status.path("recoveryCodesLeft").asInt()).isEqualTo(10);
		// the options of a registration are used once
		assertThat(member.client
			.post(PASSKEYS,
					Map.of("label", "Again", "credential", new SoftwarePasskey().register(options, origin(), null)))
			.code()).isEqualTo("no_passkey_challenge");

		ApiClient browser = from(newAddress());
		ApiClient.Response password = browser.login(member.username, OWN_PASSWORD);
		assertThat(password.code()).isEqualTo("second_factor_required");
		assertThat(texts(password.json().path("methods"))).containsExactly("passkey", "recovery_code");
		JsonNode request = browser.post(SIGN_IN + "/options", Map.of()).json();
		assertThat(texts(request.path("allowCredentials").findValues("id").stream().toList()))
			.containsExactly(passkey.credentialId());
		ApiClient.Response signedIn = browser.post(SIGN_IN, passkey.sign(request, origin()));
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		assertThat(signedIn.json().path("user").path("username").asString()).isEqualTo(member.username);
		assertThat(browser.get("/api/v1/me/profile").status()).isEqualTo(200);
		JsonNode listed = browser.get(PASSKEYS).json().get(0);
		assertThat(listed.path("lastUsedAt").isNull()).isFalse();
		assertThat(texts(listed.path("transports"))).containsExactly("internal");

		String audit = admin().get("/api/v1/audit-events?limit=100&actor=" + member.username).body();
		assertThat(audit).contains("passkey.registered", "passkey.used", "second factor: passkey");
	}

	@Test
	void oversizedMalformedAndForgedRegistrationsAreRefusedAndStoreNothing() {
		Member member = member("agent");
		JsonNode options = member.client.post(PASSKEYS + "/options", Map.of()).json();
		SoftwarePasskey passkey = new SoftwarePasskey();
		Map<String, Object> credential = passkey.register(options, origin(), null);

		ApiClient.Response huge = member.client.post(PASSKEYS,
				Map.of("label", "Big", "credential", credential, "padding", "x".repeat(17 * 1024)));
		assertThat(huge.status()).isEqualTo(413);
		assertThat(huge.code()).isEqualTo("payload_too_large");
		ApiClient.Response broken = member.client.sendRaw("POST", PASSKEYS, "{\"label\": \"x\", \"credential\": {",
				"application/json");
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.code()).isEqualTo("malformed_passkey");
		Map<String, Object> badBase64 = new java.util.HashMap<>(credential);
		badBase64.put("rawId", "***not base64***");
		assertThat(member.client.post(PASSKEYS, Map.of("label", "Key", "credential", badBase64)).code())
			.isEqualTo("malformed_passkey");
		assertThat(member.client.post(PASSKEYS, Map.of("label", "Key", "credential", "text")).code())
			.isEqualTo("malformed_passkey");
		assertThat(member.client.post(PASSKEYS, Map.of("label", " ", "credential", credential)).code())
			.isEqualTo("validation_failed");
		assertThat(member.client.post(PASSKEYS, Map.of("label", "x".repeat(65), "credential", credential)).code())
			.isEqualTo("validation_failed");

		// the right form, but for another challenge, or from another origin
		ApiClient.Response forged = member.client.post(PASSKEYS,
				Map.of("label", "Key", "credential", passkey.register(options, origin(), "AAAAAAAAAAAAAAAAAAAAAA")));
		assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
		assertThat(forged.code()).isEqualTo("passkey_rejected");
		JsonNode again = member.client.post(PASSKEYS + "/options", Map.of()).json();
		assertThat(member.client
			.post(PASSKEYS,
					Map.of("label", "Key", "credential", passkey.register(again, "https://evil.example.com", null)))
			.code()).isEqualTo("passkey_rejected");
		// without options first
		assertThat(member.client.post(PASSKEYS, Map.of("label", "Key", "credential", credential)).code())
			.isEqualTo("no_passkey_challenge");
		assertThat(member.client.get(PASSKEYS).json()).isEmpty();
		assertThat(passkeysInDatabase(member.username)).isZero();
		assertThat(member.client.get("/api/v1/me/two-factor").json().path("enabled").asBoolean()).isFalse();
		ApiClient anonymous = client();
		anonymous.get("/api/v1/session");
		assertThat(anonymous.post(PASSKEYS + "/options", Map.of()).status()).isEqualTo(401);
	}

	@Test
	void wrongUnknownAndReplayedPasskeysAtSignInAreRefusedAndCountLikeWrongCodes() {
		Member member = member("agent");
		SoftwarePasskey passkey = register(member, "Phone");
		ApiClient earlier = from(newAddress());
		earlier.login(member.username, OWN_PASSWORD);
		JsonNode first = earlier.post(SIGN_IN + "/options", Map.of()).json();
		assertThat(earlier.post(SIGN_IN, passkey.sign(first, origin())).status()).isEqualTo(200);
		ApiClient browser = from(newAddress());
		browser.login(member.username, OWN_PASSWORD);
		// no challenge asked for yet
		assertThat(browser
			.post(SIGN_IN, passkey.sign(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode(), origin()))
			.code()).isEqualTo("no_passkey_challenge");
		JsonNode options = browser.post(SIGN_IN + "/options", Map.of()).json();
		// someone else's key, unknown to the account
		ApiClient.Response unknown = browser.post(SIGN_IN, new SoftwarePasskey().sign(options, origin()));
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.code()).isEqualTo("passkey_rejected");
		// the challenge went with the failed attempt
		assertThat(browser.post(SIGN_IN, passkey.sign(options, origin())).code()).isEqualTo("no_passkey_challenge");
		// a signature count that did not go up: a cloned key or a replay
		options = browser.post(SIGN_IN + "/options", Map.of()).json();
		passkey.count(0);
		ApiClient.Response replayed = browser.post(SIGN_IN, passkey.sign(options, origin()));
		assertThat(replayed.code()).as(replayed.toString()).isEqualTo("passkey_rejected");
		assertThat(browser.sendRaw("POST", SIGN_IN, "[1, 2", "application/json").code()).isEqualTo("malformed_passkey");
		assertThat(browser.post(SIGN_IN, Map.of("padding", "x".repeat(20_000))).status()).isEqualTo(413);
		options = browser.post(SIGN_IN + "/options", Map.of()).json();
		passkey.count(100);
		assertThat(browser.post(SIGN_IN, passkey.sign(options, "http://evil.example.com")).code())
			.isEqualTo("passkey_rejected");
		for (int i = 0; i < 2; i++) {
			options = browser.post(SIGN_IN + "/options", Map.of()).json();
			assertThat(browser.post(SIGN_IN, new SoftwarePasskey().sign(options, origin())).code())
				.isEqualTo("passkey_rejected");
		}
		// five refusals: the account waits, also for the right passkey
		options = browser.post(SIGN_IN + "/options", Map.of()).json();
		ApiClient.Response waits = browser.post(SIGN_IN, passkey.sign(options, origin()));
		assertThat(waits.status()).as(waits.toString()).isEqualTo(429);
		assertThat(waits.code()).isEqualTo("sign_in_throttled");
		assertThat(browser.get("/api/v1/session").status()).isEqualTo(401);

		// without a password first there is nothing to ask for
		ApiClient stranger = from(newAddress());
		stranger.get("/api/v1/session");
		assertThat(stranger.post(SIGN_IN + "/options", Map.of()).code()).isEqualTo("no_pending_sign_in");
		String audit = admin().get("/api/v1/audit-events?limit=100&actor=" + member.username).body();
		assertThat(audit).contains("passkey refused", "signature count did not increase");
	}

	@Test
	void onlyTheOwnerRenamesAndRemovesAPasskeyAndRemovingTheLastTakesTheRecoveryCodes() {
		Member member = member("agent");
		register(member, "Laptop");
		long id = member.client.get(PASSKEYS).json().get(0).path("id").asLong();
		Member other = member("agent");
		assertThat(other.client.put(PASSKEYS + "/" + id, Map.of("label", "Mine")).status()).isEqualTo(404);
		assertThat(other.client
			.send("DELETE", PASSKEYS + "/" + id, Map.of("currentPassword", OWN_PASSWORD), "application/json")
			.status()).isEqualTo(404);
		ApiClient anonymous = client();
		anonymous.get("/api/v1/session");
		assertThat(anonymous.put(PASSKEYS + "/" + id, Map.of("label", "Mine")).status()).isEqualTo(401);

		ApiClient.Response renamed = member.client.put(PASSKEYS + "/" + id, Map.of("label", "Work laptop"));
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
		assertThat(renamed.json().path("label").asString()).isEqualTo("Work laptop");
		assertThat(member.client.put(PASSKEYS + "/" + id, Map.of("label", "")).code()).isEqualTo("validation_failed");
		assertThat(member.client
			.send("DELETE", PASSKEYS + "/" + id, Map.of("currentPassword", "wrong"), "application/json")
			.code()).isEqualTo("wrong_current_password");
		assertThat(member.client.get(PASSKEYS).json()).hasSize(1);
		assertThat(member.client
			.send("DELETE", PASSKEYS + "/" + id, Map.of("currentPassword", OWN_PASSWORD), "application/json")
			.status()).isEqualTo(204);
		assertThat(member.client.get(PASSKEYS).json()).isEmpty();
		JsonNode status = member.client.get("/api/v1/me/two-factor").json();
		assertThat(status.path("enabled").asBoolean()).isFalse();
		assertThat(status.path("recoveryCodesLeft").asInt()).isZero();
		assertThat(from(newAddress()).login(member.username, OWN_PASSWORD).status()).isEqualTo(200);
		assertThat(admin().get("/api/v1/audit-events?limit=100&actor=" + member.username).body())
			.contains("passkey.renamed", "passkey.removed");
	}

	@Test
	void aPasskeySatisfiesARoleThatRequiresTwoFactorAndTheAdministratorsResetRemovesIt(
			@Autowired StaffDirectory directory) {
		String roleName = unique("guarded");
		assertThat(admin()
			.post("/api/v1/roles",
					Map.of("name", roleName, "permissions", List.of("conversation.view"), "requiresTwoFactor", true))
			.status()).isEqualTo(201);
		Member member = member(roleName);
		assertThat(member.client.get("/api/v1/me/profile").code()).isEqualTo("two_factor_enrolment_required");
		register(member, "Key");
		assertThat(member.client.get("/api/v1/me/profile").status()).isEqualTo(200);
		assertThat(member.client.get("/api/v1/session").json().path("twoFactorEnrolmentRequired").asBoolean())
			.isFalse();
		StaffDirectory.TwoFactorAdoption adoption = directory.twoFactorAdoption()
			.stream()
			.filter((role) -> role.role().equals(roleName))
			.findFirst()
			.orElseThrow();
		assertThat(adoption.users()).isEqualTo(1);
		assertThat(adoption.usersWithTwoFactor()).isEqualTo(1);
		long id = member.client.get(PASSKEYS).json().get(0).path("id").asLong();
		assertThat(member.client
			.send("DELETE", PASSKEYS + "/" + id, Map.of("currentPassword", OWN_PASSWORD), "application/json")
			.code()).isEqualTo("two_factor_required_by_role");

		long userId = member.client.get("/api/v1/session").json().path("user").path("id").asLong();
		assertThat(admin().delete("/api/v1/users/" + userId + "/two-factor").status()).isEqualTo(204);
		assertThat(member.client.get("/api/v1/session").status()).isEqualTo(401);
		assertThat(passkeysInDatabase(member.username)).isZero();
		ApiClient again = from(newAddress());
		assertThat(again.login(member.username, OWN_PASSWORD).status()).isEqualTo(200);
		assertThat(again.get("/api/v1/session").json().path("twoFactorEnrolmentRequired").asBoolean()).isTrue();
		assertThat(admin().get("/api/v1/audit-events?action=two_factor.reset").body()).contains("1 passkey(s) removed");
	}

	private SoftwarePasskey register(Member member, String label) {
		SoftwarePasskey passkey = new SoftwarePasskey();
		JsonNode options = member.client.post(PASSKEYS + "/options", Map.of()).json();
		ApiClient.Response registered = member.client.post(PASSKEYS,
				Map.of("label", label, "credential", passkey.register(options, origin(), null)));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		return passkey;
	}

	private int passkeysInDatabase(String username) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM staff_passkey p JOIN staff_user u ON u.id = p.user_id WHERE u.username = ?")
			.param(username)
			.query(Integer.class)
			.single();
	}

	private String origin() {
		return "http://127.0.0.1:" + this.port;
	}

	private record Member(String username, ApiClient client) {
	}

	private Member member(String role) {
		String username = unique(role.length() > 20 ? "member" : role);
		createUser(username, role);
		ApiClient client = from(newAddress());
		choosesOwnPassword(client, username);
		return new Member(username, client);
	}

	private static List<String> texts(Iterable<JsonNode> array) {
		List<String> texts = new java.util.ArrayList<>();
		array.forEach((node) -> texts.add(node.asString()));
		return texts;
	}

	private static String newAddress() {
		int n = addresses.incrementAndGet();
		return "198.51." + (100 + (n / 250) % 100) + "." + (1 + n % 250);
	}

}
