package dev.parley.conversations.realtime;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A block isolates the source: the sockets an address already has open close (code 1008)
 * as the block commits, not only its next requests; a deny-list range closes them at the
 * next sweep. Other addresses' sockets stay.
 */
class RefusedSourceSocketsTests extends IntegrationTest {

	@Autowired
	ConnectionWatch watch;

	@Test
	void blockingAnAddressClosesItsOpenSockets() {
		ApiClient admin = admin();
		String key = channelKey(admin);
		String attacker = "198.18.7." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
		String neighbour = "198.18.8.1";
		try (SocketClient blocked = SocketClient.visitorFrom(this.port, attacker, token(key));
				SocketClient bystander = SocketClient.visitorFrom(this.port, neighbour, token(key))) {
			ApiClient.Response block = admin.post("/api/v1/security/blocks", Map.of("address", attacker));
			assertThat(block.status()).as(block.toString()).isEqualTo(201);
			assertThat(blocked.awaitClose()).isEqualTo(1008);
			bystander.assertStillUsable();
			admin.post("/api/v1/security/blocks/" + block.json().path("id").asLong() + "/lift", Map.of());
		}
	}

	@Test
	void aDenyListRangeClosesItsSocketsAtTheNextSweep() {
		ApiClient admin = admin();
		String key = channelKey(admin);
		try (SocketClient denied = SocketClient.visitorFrom(this.port, "203.0.113.45", token(key));
				SocketClient bystander = SocketClient.visitorFrom(this.port, "198.18.9.1", token(key))) {
			ApiClient.Response range = admin.post("/api/v1/security/networks",
					Map.of("list", "deny", "range", "203.0.113.0/24", "note", "test range"));
			assertThat(range.status()).as(range.toString()).isEqualTo(201);
			try {
				this.watch.sweep();
				assertThat(denied.awaitClose()).isEqualTo(1008);
				bystander.assertStillUsable();
			}
			finally {
				admin.delete("/api/v1/security/networks/" + range.json().path("id").asLong());
			}
		}
	}

	private String token(String key) {
		return client().post("/api/v1/widget/channels/" + key + "/visitors", Map.of()).json().path("token").asString();
	}

	private static String channelKey(ApiClient admin) {
		ApiClient.Response channel = admin.post("/api/v1/channels",
				Map.of("kind", "website", "name", "Sockets " + UUID.randomUUID(), "allowedOrigins", List.of("*")));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		return channel.json().path("key").asString();
	}

}
