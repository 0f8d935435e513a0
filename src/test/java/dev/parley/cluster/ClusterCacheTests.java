package dev.parley.cluster;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings and shift plans are cached on each node of a cluster ({@link TwoNodes}); a
 * change made on one node empties the other node's cache through RabbitMQ, so it is in
 * force there at once (and a ticket made on one node tells the consoles on the other to
 * read their ticket counts again) (the nodes keep cached values for an hour, so nothing
 * else would bring the change within the wait). Each test reads on node B first, so B
 * holds the old value when node A changes it.
 */
@Timeout(120)
class ClusterCacheTests {

	@RegisterExtension
	static final TwoNodes.Extension cluster = new TwoNodes.Extension();

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void aSettingChangedOnOneNodeIsInForceOnTheOtherAtOnce() {
		ApiClient adminOnA = admin();
		String key = channel(adminOnA).path("key").asString();
		String renamed = "Renamed " + UUID.randomUUID();
		String before = organisationOnB(key);
		try {
			assertThat(adminOnA.put("/api/v1/settings", Map.of("organisation.name", renamed)).status()).isEqualTo(200);
			awaitOnB("the new name", () -> organisationOnB(key), renamed);
		}
		finally {
			adminOnA.put("/api/v1/settings", Map.of("organisation.name", before));
		}
		awaitOnB("the name restored", () -> organisationOnB(key), before);
	}

	@Test
	void aShiftChangedOnOneNodeIsInForceOnTheOtherAtOnce() {
		ApiClient adminOnA = admin();
		JsonNode channel = channel(adminOnA);
		String key = channel.path("key").asString();
		String username = "cache." + UUID.randomUUID().toString().substring(0, 8);
		ApiClient.Response agent = adminOnA.post("/api/v1/users", Map.of("username", username, "displayName",
				"Cached Agent", "roleId", 3, "password", "Cached-Agent-Passw0rd!"));
		assertThat(agent.status()).as(agent.toString()).isEqualTo(201);
		long agentId = agent.json().path("id").asLong();
		ApiClient.Response group = adminOnA.post("/api/v1/groups",
				Map.of("name", "Cached " + UUID.randomUUID(), "members",
						List.of(Map.of("userId", agentId, "supervisor", false)), "channelIds",
						List.of(channel.path("id").asLong())));
		assertThat(group.status()).as(group.toString()).isEqualTo(201);
		assertThat(openOnB(key)).as("an unplanned member works all day").isTrue();

		// the organisation's zone on these nodes is UTC; yesterday and tomorrow too, in
		// case the day changes during the test
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (LocalDate day : List.of(today.minusDays(1), today, today.plusDays(1))) {
			ApiClient.Response off = adminOnA.post("/api/v1/shifts/exceptions",
					Map.of("userId", agentId, "date", day.toString(), "kind", "off"));
			assertThat(off.status()).as(off.toString()).isEqualTo(201);
		}
		awaitOnB("the group closed for its only member's day off", () -> openOnB(key), false);
	}

	@Test
	void aTicketMadeOnOneNodeRefreshesTheTicketCountsOfConsolesOnTheOther() {
		ApiClient adminOnA = admin();
		ApiClient adminOnB = new ApiClient(cluster.portB());
		assertThat(adminOnB.login(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD).status()).isEqualTo(200);
		try (SocketClient consoleOnB = SocketClient.staff(cluster.portB(), adminOnB)) {
			ApiClient.Response customer = adminOnA.post("/api/v1/customers", Map.of("name", "Caller on A"));
			assertThat(customer.status()).as(customer.toString()).isEqualTo(201);
			ApiClient.Response ticket = adminOnA.post("/api/v1/tickets",
					Map.of("subject", "Made on A", "customerId", customer.json().path("id").asLong()));
			assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
			JsonNode refresh = consoleOnB.expect((frame) -> frame.path("type").asString().equals("refresh"),
					"a refresh frame on node B");
			assertThat(refresh.path("topic").asString()).isEqualTo("tickets");
		}
	}

	private static ApiClient admin() {
		ApiClient admin = new ApiClient(cluster.portA());
		assertThat(admin.login(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD).status()).isEqualTo(200);
		return admin;
	}

	private static JsonNode channel(ApiClient admin) {
		ApiClient.Response channel = admin.post("/api/v1/channels",
				Map.of("kind", "website", "name", "Cache " + UUID.randomUUID(), "allowedOrigins", List.of("*")));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		return channel.json();
	}

	private static String organisationOnB(String key) {
		return new ApiClient(cluster.portB()).get("/api/v1/widget/channels/" + key)
			.json()
			.path("organisation")
			.asString();
	}

	private static boolean openOnB(String key) {
		return new ApiClient(cluster.portB()).get("/api/v1/widget/channels/" + key).json().path("open").asBoolean();
	}

	private static <T> void awaitOnB(String what, Supplier<T> reading, T expected) {
		Eventually.until(() -> "on node B: " + what + " (was " + reading.get() + ", expected " + expected + ")",
				() -> expected.equals(reading.get()), WAIT);
	}

}
