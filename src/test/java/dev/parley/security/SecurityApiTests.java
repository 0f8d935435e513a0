package dev.parley.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.MailServer;
import dev.parley.testing.SocketClient;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Network lists and blocks on one node, with the controllable clock: deny entries and
 * blocks refuse before any other work and end at their time; a burst of each kind blocks
 * its address and alerts the administrators by e-mail; an allow-listed address is never
 * blocked; lifting; bad input; who may use the API. Each test speaks from addresses of
 * its own ({@code X-Forwarded-For} from the loopback proxy). Thresholds are low here.
 */
@Timeout(120)
@TestPropertySource(
		properties = { "parley.security.auto-block.failed-sign-ins=5", "parley.security.auto-block.refused-requests=10",
				"parley.security.auto-block.malformed-frames=4", "parley.security.auto-block.widget-arrivals=6",
				"parley.security.auto-block.window=10m", "parley.security.auto-block.block-for=30m" })
class SecurityApiTests extends IntegrationTest {

	private static MailServer mail;

	@BeforeAll
	static void startMailServer() {
		mail = MailServer.onFreePorts();
	}

	@AfterAll
	static void stopMailServer() {
		mail.close();
	}

	private static String address() {
		int n = Math.floorMod(UUID.randomUUID().hashCode(), 250) + 1;
		return "198.51." + (100 + Math.floorMod(UUID.randomUUID().hashCode(), 100)) + "." + n;
	}

	private static int served(ApiClient client) {
		return client.get("/api/v1/maintenance").status();
	}

	private void mailAccount(ApiClient admin) {
		Map<String, Object> account = new HashMap<>(mail.account("support@acme.test"));
		ApiClient.Response saved = admin.put("/api/v1/mail-account", account);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
	}

	@Test
	void aDenyEntryRefusesItsRangeUntilItExpires() {
		ApiClient admin = admin();
		String expires = this.clock.instant().plus(Duration.ofMinutes(10)).toString();
		ApiClient.Response added = admin.post("/api/v1/security/networks",
				Map.of("list", "deny", "range", "203.0.113.0/28", "note", "scanner", "expiresAt", expires));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(added.json().path("createdBy").asString()).isEqualTo(ADMIN);
		ApiClient.Response v6 = admin.post("/api/v1/security/networks",
				Map.of("list", "deny", "range", "2001:DB8:1::/48", "note", "scanner v6"));
		assertThat(v6.status()).as(v6.toString()).isEqualTo(201);
		assertThat(v6.json().path("range").asString()).isEqualTo("2001:db8:1::/48");

		ApiClient.Response refused = from("203.0.113.5").get("/api/v1/widget/channels/nothing");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("address_blocked");
		assertThat(from("203.0.113.5").login(ADMIN, ADMIN_PASSWORD).code()).isEqualTo("address_blocked");
		assertThat(from("2001:db8:1::5").get("/api/v1/maintenance").code()).isEqualTo("address_blocked");
		assertThat(served(from("203.0.113.16"))).as("outside the range").isEqualTo(200);
		assertThat(served(from("2001:db8:2::5"))).isEqualTo(200);
		assertThatThrownBy(() -> SocketClient.anonymousFrom(this.port, "203.0.113.5"))
			.as("a visitor's socket handshake is refused too")
			.isInstanceOf(CompletionException.class);

		this.clock.advance(Duration.ofMinutes(11));
		assertThat(served(from("203.0.113.5"))).as("the entry expired").isEqualTo(200);
		assertThat(from("2001:db8:1::5").get("/api/v1/maintenance").code()).isEqualTo("address_blocked");

		admin.delete("/api/v1/security/networks/" + v6.json().path("id").asLong());
		assertThat(served(from("2001:db8:1::5"))).as("removed").isEqualTo(200);
		assertThat(audit(admin, "security.network.added")).contains("deny 203.0.113.0/28");
	}

	@Test
	void aBurstOfFailedSignInsBlocksTheAddressAlertsAndEnds() throws MessagingException {
		ApiClient admin = admin();
		mailAccount(admin);
		String attacker = address();
		for (int i = 0; i < 5; i++) {
			assertThat(from(attacker).login(unique("nobody"), "wrong").status()).isIn(401, 429);
		}
		ApiClient.Response refused = from(attacker).login(ADMIN, ADMIN_PASSWORD);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("address_blocked");
		JsonNode block = currentBlock(admin, attacker);
		assertThat(block.path("reason").asString()).isEqualTo("failed_sign_ins");
		assertThat(block.path("automatic").asBoolean()).isTrue();
		assertThat(block.path("signals").asInt()).isGreaterThanOrEqualTo(5);
		assertThat(alertFor(attacker).getSubject()).contains(attacker);
		assertThat(audit(admin, "security.source.blocked")).contains(attacker);

		this.clock.advance(Duration.ofMinutes(31));
		assertThat(served(from(attacker))).as("the block ended").isEqualTo(200);
		assertThat(currentBlocks(admin)).doesNotContain(attacker);
		assertThat(admin.get("/api/v1/security/blocks?state=past").body()).contains(attacker);
	}

	@Test
	void aBurstOfRefusedRequestsBlocksTheAddress() throws MessagingException {
		ApiClient admin = admin();
		mailAccount(admin);
		String attacker = address();
		for (int i = 0; i < 10; i++) {
			assertThat(from(attacker).get("/api/v1/users").status()).isEqualTo(401);
		}
		// a refusal is counted after its answer has gone out: the tenth may still be
		// counting when the next request comes
		Eventually.until("the burst is counted", () -> currentBlocks(admin).contains(attacker));
		assertThat(from(attacker).get("/api/v1/users").code()).isEqualTo("address_blocked");
		assertThat(currentBlock(admin, attacker).path("reason").asString()).isEqualTo("refused_requests");
		assertThat(alertFor(attacker).getSubject()).contains(attacker);
	}

	@Test
	void aBurstOfWidgetArrivalsBlocksTheAddress() throws MessagingException {
		ApiClient admin = admin();
		mailAccount(admin);
		String key = channelKey(admin);
		String attacker = address();
		for (int i = 0; i < 6; i++) {
			ApiClient.Response arrived = from(attacker).post("/api/v1/widget/channels/" + key + "/visitors", Map.of());
			assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		}
		ApiClient.Response refused = from(attacker).post("/api/v1/widget/channels/" + key + "/visitors", Map.of());
		assertThat(refused.code()).isEqualTo("address_blocked");
		assertThat(currentBlock(admin, attacker).path("reason").asString()).isEqualTo("widget_arrivals");
		assertThat(alertFor(attacker).getSubject()).contains(attacker);
	}

	@Test
	void aBurstOfMalformedFramesBlocksTheAddress() throws MessagingException {
		ApiClient admin = admin();
		mailAccount(admin);
		String attacker = address();
		try (SocketClient socket = SocketClient.anonymousFrom(this.port, attacker)) {
			for (int i = 0; i < 3; i++) {
				socket.sendText("{not a frame");
				socket.expectError("bad_frame");
			}
			// the fourth blocks the address, which closes the socket it came on
			socket.sendText("{not a frame");
			assertThat(socket.awaitClose()).isEqualTo(1008);
		}
		assertThat(from(attacker).get("/api/v1/maintenance").code()).isEqualTo("address_blocked");
		assertThat(currentBlock(admin, attacker).path("reason").asString()).isEqualTo("malformed_frames");
		assertThat(alertFor(attacker).getSubject()).contains(attacker);
	}

	@Test
	void anAllowListedAddressIsNeverBlocked() {
		ApiClient admin = admin();
		ApiClient.Response office = admin.post("/api/v1/security/networks",
				Map.of("list", "allow", "range", "192.0.2.0/24", "note", "office"));
		assertThat(office.status()).as(office.toString()).isEqualTo(201);
		try {
			for (int i = 0; i < 25; i++) {
				assertThat(from("192.0.2.77").get("/api/v1/users").status()).isEqualTo(401);
			}
			for (int i = 0; i < 8; i++) {
				from("192.0.2.77").login(unique("nobody"), "wrong");
			}
			assertThat(from("192.0.2.77").get("/api/v1/users").status()).isEqualTo(401);
			assertThat(currentBlocks(admin)).doesNotContain("192.0.2.77");
			ApiClient.Response manual = admin.post("/api/v1/security/blocks", Map.of("address", "192.0.2.77"));
			assertThat(manual.status()).isEqualTo(409);
			assertThat(manual.code()).isEqualTo("address_allowed");
		}
		finally {
			admin.delete("/api/v1/security/networks/" + office.json().path("id").asLong());
		}
	}

	@Test
	void anAdministratorBlocksAndLiftsAnAddress() {
		ApiClient admin = admin();
		String target = address();
		ApiClient.Response blocked = admin.post("/api/v1/security/blocks",
				Map.of("address", target, "minutes", 120, "note", "abuse report 17"));
		assertThat(blocked.status()).as(blocked.toString()).isEqualTo(201);
		assertThat(blocked.json().path("reason").asString()).isEqualTo("manual");
		assertThat(blocked.json().path("blockedBy").asString()).isEqualTo(ADMIN);
		assertThat(from(target).get("/api/v1/maintenance").code()).isEqualTo("address_blocked");
		assertThat(admin.post("/api/v1/security/blocks", Map.of("address", target)).code())
			.isEqualTo("already_blocked");

		long id = blocked.json().path("id").asLong();
		ApiClient.Response lifted = admin.post("/api/v1/security/blocks/" + id + "/lift", Map.of());
		assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
		assertThat(lifted.json().path("liftedBy").asString()).isEqualTo(ADMIN);
		assertThat(served(from(target))).isEqualTo(200);
		assertThat(admin.post("/api/v1/security/blocks/" + id + "/lift", Map.of()).code())
			.isEqualTo("block_not_current");
		assertThat(admin.post("/api/v1/security/blocks/999999/lift", Map.of()).status()).isEqualTo(404);
		assertThat(audit(admin, "security.block.lifted")).contains(target);
	}

	@Test
	void theConsoleCanBeRestrictedToListedNetworksButNeverAgainstOneself() {
		ApiClient admin = admin();
		ApiClient.Response refused = admin.put("/api/v1/security/networks/restriction",
				Map.of("staffRestricted", true));
		assertThat(refused.status()).as("the administrator's own address is on no list").isEqualTo(409);
		assertThat(refused.code()).isEqualTo("would_lock_out_self");
		assertThat(admin.get("/api/v1/security/networks").json().path("staffRestricted").asBoolean()).isFalse();

		ApiClient.Response loopback = admin.post("/api/v1/security/networks",
				Map.of("list", "allow", "range", "127.0.0.0/8", "note", "this host"));
		long loopbackId = loopback.json().path("id").asLong();
		try {
			assertThat(admin.put("/api/v1/security/networks/restriction", Map.of("staffRestricted", true)).status())
				.isEqualTo(200);
			String outside = address();
			ApiClient.Response staff = from(outside).login(ADMIN, ADMIN_PASSWORD);
			assertThat(staff.status()).isEqualTo(403);
			assertThat(staff.code()).isEqualTo("network_restricted");
			assertThat(from(outside).get("/console/").status()).isEqualTo(403);
			assertThat(served(from(outside))).as("visitors' endpoints stay open").isEqualTo(200);
			assertThat(from(outside).get("/api/v1/widget/channels/nothing").status()).isEqualTo(404);
			assertThat(admin.get("/api/v1/security/networks").status()).isEqualTo(200);

			ApiClient.Response removal = admin.delete("/api/v1/security/networks/" + loopbackId);
			assertThat(removal.code()).isEqualTo("would_lock_out_self");
		}
		finally {
			admin.put("/api/v1/security/networks/restriction", Map.of("staffRestricted", false));
			admin.delete("/api/v1/security/networks/" + loopbackId);
		}
		assertThat(admin.get("/api/v1/security/networks").json().path("entries").toString())
			.doesNotContain("127.0.0.0/8");
	}

	@Test
	void badInputIsRefusedAndChangesNothing() {
		ApiClient admin = admin();
		int before = admin.get("/api/v1/security/networks").json().path("entries").size();
		for (String range : List.of("10.0.0.0/33", "example.com", "10.1", "", "1.2.3.4.5", "::g", "10.0.0.0/8/8")) {
			ApiClient.Response bad = admin.post("/api/v1/security/networks", Map.of("list", "deny", "range", range));
			assertThat(bad.status()).as(range).isEqualTo(400);
			assertThat(bad.code()).isEqualTo("validation_failed");
			assertThat(bad.body()).contains("range");
		}
		assertThat(admin.post("/api/v1/security/networks", Map.of("list", "maybe", "range", "10.0.0.1")).status())
			.isEqualTo(400);
		assertThat(admin
			.post("/api/v1/security/networks", Map.of("list", "deny", "range", "10.0.0.1", "note", "x".repeat(501)))
			.status()).isEqualTo(400);
		assertThat(admin
			.post("/api/v1/security/networks", Map.of("list", "deny", "range", "10.0.0.1", "expiresAt",
					this.clock.instant().minusSeconds(60).toString()))
			.status()).isEqualTo(400);
		assertThat(admin
			.post("/api/v1/security/networks", Map.of("list", "deny", "range", "10.0.0.1", "expiresAt", "tomorrow"))
			.status()).isEqualTo(400);
		ApiClient.Response self = admin.post("/api/v1/security/networks",
				Map.of("list", "deny", "range", "127.0.0.0/8"));
		assertThat(self.status()).isEqualTo(409);
		assertThat(self.code()).isEqualTo("would_lock_out_self");
		assertThat(admin.post("/api/v1/security/blocks", Map.of("address", "127.0.0.1")).code())
			.isEqualTo("would_lock_out_self");
		assertThat(admin.post("/api/v1/security/blocks", Map.of("address", "10.0.0.0/8")).status()).isEqualTo(400);
		assertThat(admin.post("/api/v1/security/blocks", Map.of("address", "10.0.0.9", "minutes", 0)).status())
			.isEqualTo(400);
		assertThat(admin.post("/api/v1/security/blocks", Map.of("address", "10.0.0.9", "minutes", 50_000)).status())
			.isEqualTo(400);
		assertThat(admin.put("/api/v1/security/networks/restriction", Map.of()).status()).isEqualTo(400);
		assertThat(admin.delete("/api/v1/security/networks/999999").status()).isEqualTo(404);
		assertThat(admin.get("/api/v1/security/blocks?state=maybe").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/security/blocks?limit=0").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/security/figures?from=2026-12-07T00:00:00Z&to=2026-12-01T00:00:00Z").status())
			.isEqualTo(400);
		assertThat(admin.get("/api/v1/security/figures?from=2024-01-01T00:00:00Z&to=2026-12-01T00:00:00Z").status())
			.isEqualTo(400);
		assertThat(admin.get("/api/v1/security/figures?from=yesterday").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/security/networks").json().path("entries").size()).isEqualTo(before);
	}

	@Test
	void figuresCountTheAuditEntriesOfThePeriod() {
		ApiClient admin = admin();
		String from = this.clock.instant().minusSeconds(1).toString();
		String attacker = address();
		for (int i = 0; i < 3; i++) {
			from(attacker).login(unique("nobody"), "wrong");
		}
		String to = this.clock.instant().plusSeconds(1).toString();
		JsonNode figures = admin.get("/api/v1/security/figures?from=" + from + "&to=" + to).json();
		Map<String, Long> counts = new HashMap<>();
		figures.path("figures").forEach((f) -> counts.put(f.path("action").asString(), f.path("count").asLong()));
		assertThat(counts.get("login.failed")).isGreaterThanOrEqualTo(3);
		assertThat(counts).containsKeys("account.locked", "address.throttled", "security.source.blocked",
				"security.source.blocked_manually", "role.updated", "user.permissions.changed");
		// two-factor adoption per role, as the roles are now
		Map<String, JsonNode> roles = new HashMap<>();
		figures.path("twoFactor").forEach((r) -> roles.put(r.path("role").asString(), r));
		assertThat(roles).containsKeys("administrator", "supervisor", "agent");
		assertThat(roles.get("administrator").path("users").asInt()).isPositive();
		assertThat(roles.get("agent").path("usersWithTwoFactor").asInt())
			.isLessThanOrEqualTo(roles.get("agent").path("users").asInt());
	}

	@Test
	void onlyHoldersOfSecurityManageUseTheApi() {
		List<Object[]> endpoints = new ArrayList<>();
		endpoints.add(new Object[] { "GET", "/api/v1/security/figures", null });
		endpoints.add(new Object[] { "GET", "/api/v1/security/blocks", null });
		endpoints.add(new Object[] { "POST", "/api/v1/security/blocks", Map.of("address", "10.9.9.9") });
		endpoints.add(new Object[] { "POST", "/api/v1/security/blocks/1/lift", Map.of() });
		endpoints.add(new Object[] { "GET", "/api/v1/security/networks", null });
		endpoints
			.add(new Object[] { "POST", "/api/v1/security/networks", Map.of("list", "deny", "range", "10.9.9.9") });
		endpoints.add(new Object[] { "DELETE", "/api/v1/security/networks/1", null });
		endpoints
			.add(new Object[] { "PUT", "/api/v1/security/networks/restriction", Map.of("staffRestricted", false) });
		ApiClient nobody = client();
		nobody.get("/api/v1/session");
		ApiClient supervisor = signedInAs("supervisor");
		ApiClient support = signedInAs("support");
		for (Object[] endpoint : endpoints) {
			String what = endpoint[0] + " " + endpoint[1];
			assertThat(nobody.send((String) endpoint[0], (String) endpoint[1], endpoint[2], null).status()).as(what)
				.isEqualTo(401);
			ApiClient.Response refused = supervisor.send((String) endpoint[0], (String) endpoint[1], endpoint[2], null);
			assertThat(refused.status()).as(what).isEqualTo(403);
			assertThat(refused.code()).isEqualTo("forbidden");
			assertThat(support.send((String) endpoint[0], (String) endpoint[1], endpoint[2], null).status()).as(what)
				.isEqualTo(403);
		}
		assertThat(admin().get("/api/v1/security/blocks").body()).doesNotContain("10.9.9.9");
	}

	private JsonNode currentBlock(ApiClient admin, String address) {
		for (JsonNode block : admin.get("/api/v1/security/blocks").json()) {
			if (block.path("address").asString().equals(address)) {
				return block;
			}
		}
		throw new AssertionError("no current block of " + address);
	}

	private String currentBlocks(ApiClient admin) {
		return admin.get("/api/v1/security/blocks").body();
	}

	private String audit(ApiClient admin, String action) {
		return admin.get("/api/v1/audit-events?action=" + action).body();
	}

	private MimeMessage alertFor(String address) throws MessagingException {
		Eventually.until(() -> "the alert about " + address,
				() -> mail.messagesTo("ada@example.com").stream().anyMatch((m) -> subject(m).contains(address)),
				Duration.ofSeconds(20));
		return mail.messagesTo("ada@example.com")
			.stream()
			.filter((m) -> subject(m).contains(address))
			.findFirst()
			.orElseThrow();
	}

	private static String subject(MimeMessage message) {
		try {
			return String.valueOf(message.getSubject());
		}
		catch (MessagingException ex) {
			return "";
		}
	}

	private static String channelKey(ApiClient admin) {
		ApiClient.Response channel = admin.post("/api/v1/channels",
				Map.of("kind", "website", "name", "Security " + UUID.randomUUID(), "allowedOrigins", List.of("*")));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		return channel.json().path("key").asString();
	}

}
