package dev.parley.cluster;

import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.SoftwarePasskey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in a cluster ({@link TwoNodes}, sessions in Redis, no sticky sessions): the
 * challenge of a registration or a sign-in is kept in the session, so the options asked
 * of one node are answered on the other.
 */
@Timeout(120)
class ClusterPasskeyTests {

	@RegisterExtension
	static final TwoNodes.Extension cluster = new TwoNodes.Extension();

	private static final String PASSWORD = "Passkey-Passw0rd!";

	private static final String OWN_PASSWORD = "Own-Passkey-Passw0rd!2";

	@Test
	void aPasskeyIsRegisteredAndUsedAcrossBothNodes() {
		ApiClient admin = new ApiClient(cluster.portA());
		assertThat(admin.login(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD).status()).isEqualTo(200);
		String username = "passkey." + UUID.randomUUID().toString().substring(0, 8);
		ApiClient.Response created = admin.post("/api/v1/users",
				Map.of("username", username, "displayName", "Pat Key", "roleId", 3, "password", PASSWORD));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		ApiClient onA = new ApiClient(cluster.portA());
		assertThat(onA.login(username, PASSWORD).status()).isEqualTo(200);
		// a password an administrator gave is changed first
		assertThat(
				onA.post("/api/v1/session/password", Map.of("currentPassword", PASSWORD, "newPassword", OWN_PASSWORD))
					.status())
			.isEqualTo(204);
		JsonNode creation = onA.post("/api/v1/me/two-factor/passkeys/options", Map.of()).json();
		SoftwarePasskey passkey = new SoftwarePasskey();
		ApiClient.Response registered = onA.onPort(cluster.portB())
			.post("/api/v1/me/two-factor/passkeys",
					Map.of("label", "Laptop", "credential", passkey.register(creation, origin(cluster.portB()), null)));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

		ApiClient browser = new ApiClient(cluster.portA());
		assertThat(browser.login(username, OWN_PASSWORD).code()).isEqualTo("second_factor_required");
		JsonNode request = browser.onPort(cluster.portB())
			.post("/api/v1/session/second-factor/passkey/options", Map.of())
			.json();
		ApiClient.Response signedIn = browser.post("/api/v1/session/second-factor/passkey",
				passkey.sign(request, origin(cluster.portA())));
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		assertThat(
				browser.onPort(cluster.portB()).get("/api/v1/session").json().path("user").path("username").asString())
			.isEqualTo(username);
	}

	private static String origin(int port) {
		return "http://127.0.0.1:" + port;
	}

}
