package dev.parley.cluster;

import java.util.Map;
import java.util.UUID;

import dev.parley.platform.RateLimit;
import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two nodes of a cluster ({@link TwoNodes}) spend one budget per key, kept in Redis:
 * sign-ins naming one account, sent to either node in turn, are refused on both once the
 * account's budget (the default) is spent, while another account signs in.
 */
@Timeout(120)
class ClusterRateLimitTests {

	@RegisterExtension
	static final TwoNodes.Extension cluster = new TwoNodes.Extension();

	private static final String PASSWORD = "Limited-Passw0rd!";

	@Test
	void bothNodesSpendOneBudgetPerAccount() {
		String username = "limited." + UUID.randomUUID().toString().substring(0, 8);
		createUser(username);
		long capacity = RateLimit.SIGN_IN_ACCOUNT.defaultCapacity();
		for (int i = 0; i < capacity; i++) {
			int port = (i % 2 == 0) ? cluster.portA() : cluster.portB();
			ApiClient.Response signedIn = new ApiClient(port).login(username, PASSWORD);
			assertThat(signedIn.status()).as("sign-in %d on %s", i, port).isEqualTo(200);
		}
		for (int port : new int[] { cluster.portA(), cluster.portB() }) {
			ApiClient.Response refused = new ApiClient(port).login(username, PASSWORD);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
			assertThat(refused.json().path("limit").asString()).isEqualTo("sign-in-account");
			assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
		}
		String other = "unlimited." + UUID.randomUUID().toString().substring(0, 8);
		createUser(other);
		assertThat(new ApiClient(cluster.portB()).login(other, PASSWORD).status()).isEqualTo(200);
	}

	private static void createUser(String username) {
		ApiClient admin = new ApiClient(cluster.portA());
		assertThat(admin.login(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD).status()).isEqualTo(200);
		ApiClient.Response created = admin.post("/api/v1/users",
				Map.of("username", username, "displayName", "Limited", "roleId", 3, "password", PASSWORD));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

}
