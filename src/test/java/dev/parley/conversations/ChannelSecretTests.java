package dev.parley.conversations;

import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A channel's identity secret is shown once (in the response that creates or regenerates
 * it), stored sealed, never returned again, and still verifies the website's signatures.
 */
class ChannelSecretTests extends ChatTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theSecretIsShownOnlyWhenMadeAndStoredSealed() throws Exception {
		JsonNode channel = createChannel(Map.of());
		long id = channel.path("id").asLong();
		String secret = channel.path("identitySecret").asString();
		assertThat(secret).hasSize(64);
		assertThat(channel.path("identitySecretSet").asBoolean()).isTrue();

		ApiClient admin = admin();
		JsonNode read = admin.get("/api/v1/channels/" + id).json();
		assertThat(read.has("identitySecret")).isFalse();
		assertThat(read.path("identitySecretSet").asBoolean()).isTrue();
		assertThat(admin.get("/api/v1/channels").body()).doesNotContain(secret).doesNotContain("\"identitySecret\"");
		ApiClient.Response updated = admin.put("/api/v1/channels/" + id,
				Map.of("name", channel.path("name").asString(), "allowedOrigins", java.util.List.of("*")));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.json().has("identitySecret")).isFalse();

		Map<String, Object> row = this.jdbc
			.sql("SELECT identity_secret, identity_secret_sealed FROM chat_channel WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(String.valueOf(row.values().toArray()[1])).startsWith("pd1:").doesNotContain(secret);
		assertThat(String.valueOf(row.values().toArray()[0])).isNotEqualTo(secret);

		String key = channel.path("key").asString();
		assertThat(arrive(key, vouched(secret, "customer-7")).json().path("visitor").path("verified").asBoolean())
			.as("the sealed secret still verifies signatures (after an update re-sealed it)")
			.isTrue();

		ApiClient.Response regenerated = admin.post("/api/v1/channels/" + id + "/secret", Map.of());
		String fresh = regenerated.json().path("identitySecret").asString();
		assertThat(fresh).hasSize(64).isNotEqualTo(secret);
		assertThat(admin.get("/api/v1/channels/" + id).json().has("identitySecret")).isFalse();
		assertThat(arrive(key, vouched(secret, "customer-8")).json().path("visitor").path("verified").asBoolean())
			.isFalse();
		assertThat(arrive(key, vouched(fresh, "customer-8")).json().path("visitor").path("verified").asBoolean())
			.isTrue();
	}

	@Test
	void onlyChannelManagersSeeOrRegenerateTheSecret() {
		long id = createChannel(Map.of()).path("id").asLong();
		ApiClient agent = signedInAs("agent");
		assertThat(agent.post("/api/v1/channels/" + id + "/secret", Map.of()).status()).isEqualTo(403);
		assertThat(agent.get("/api/v1/channels/" + id).status()).isEqualTo(403);
		assertThat(client().post("/api/v1/channels/" + id + "/secret", Map.of()).status()).isIn(401, 403);
		assertThat(admin().post("/api/v1/channels/999999/secret", Map.of()).status()).isEqualTo(404);
		assertThat(admin().post("/api/v1/channels/not-a-number/secret", Map.of()).status()).isEqualTo(400);
	}

	private static Map<String, Object> vouched(String secret, String customerId) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(), "HmacSHA256"));
		return Map.of("customerId", customerId, "customerHash",
				HexFormat.of().formatHex(mac.doFinal(customerId.getBytes())));
	}

}
