package dev.parley.customers;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Blocking refuses a customer on every live chat path (REST and socket) until lifted;
 * merging moves everything and is listed and audited.
 */
class CustomerBlockAndMergeTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private CustomerFixtures fixtures() {
		return new CustomerFixtures(admin(), this::client, this.jdbc);
	}

	@Test
	void aBlockedCustomerIsRefusedOnEveryPathUntilUnblocked() {
		CustomerFixtures f = fixtures();
		CustomerFixtures.Visitor v = f.started(f.channel(unique("Site")), Map.of("question", "Hi"));
		ApiClient agent = signedInAs("agent");
		String path = "/api/v1/customers/" + v.customerId();
		assertThat(agent.post(path + "/block", Map.of("reason", "")).status()).as("a reason is required")
			.isEqualTo(400);
		assertThat(agent.post(path + "/block", Map.of("reason", "spam", "until", "2001-01-01T00:00:00Z")).status())
			.as("an end in the past")
			.isEqualTo(400);
		ApiClient.Response blocked = agent.post(path + "/block", Map.of("reason", "Spam links"));
		assertThat(blocked.status()).as(blocked.toString()).isEqualTo(200);
		assertThat(blocked.json().path("blocked").path("reason").asString()).isEqualTo("Spam links");
		assertThat(this.jdbc.sql("SELECT status FROM conversation WHERE id = ?")
			.param(v.conversationId())
			.query(String.class)
			.single()).as("his open conversation is closed").isEqualTo("closed");

		JsonNode arrival = client()
			.post("/api/v1/widget/channels/" + v.channelKey() + "/visitors", Map.of("token", v.token()))
			.json();
		assertThat(arrival.path("blocked").isObject()).as("the widget is told").isTrue();
		assertThat(arrival.path("blocked").has("reason")).as("not the agent's reason").isFalse();
		refused(v.widget().post("/api/v1/widget/conversations", Map.of("question", "again")));
		refused(v.widget()
			.post("/api/v1/widget/messages",
					Map.of("clientId", "left-1", "text", "let me in", "email", "spam@example.com")));
		refused(v.widget()
			.post("/api/v1/widget/conversations/" + v.conversationId() + "/messages",
					Map.of("clientId", "m-1", "text", "hello?")));
		refused(v.widget()
			.upload("/api/v1/widget/conversations/" + v.conversationId() + "/attachments", "a.txt", "hello".getBytes(),
					Map.of("clientId", "f-1")));
		try (SocketClient socket = SocketClient.visitor(this.port, v.token())) {
			socket.send(Map.of("type", "send", "conversationId", v.conversationId(), "clientId", "s-1", "text", "hi"));
			socket.expectError("customer_blocked");
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'customer.blocked' AND target = ?")
			.param("customer " + v.customerId())
			.query(Integer.class)
			.single()).isEqualTo(1);

		assertThat(agent.delete(path + "/block").status()).isEqualTo(200);
		assertThat(v.widget().post("/api/v1/widget/conversations", Map.of("question", "sorry")).status())
			.isEqualTo(201);
	}

	private static void refused(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(403);
		assertThat(response.json().path("code").asString()).isEqualTo("customer_blocked");
	}

	@Test
	void aMergeMovesEverythingIsListedAndAudited() {
		CustomerFixtures f = fixtures();
		JsonNode site = f.channel(unique("Site"));
		CustomerFixtures.Visitor first = f.started(site, Map.of("question", "One", "name", "Wang Fang"));
		CustomerFixtures.Visitor second = f.started(site, Map.of("question", "Two", "email", "wf@example.com"));
		ApiClient supervisor = signedInAs("supervisor");
		String other = "/api/v1/customers/" + second.customerId();
		int version = supervisor.get(other).json().path("version").asInt();
		assertThat(supervisor
			.send("PATCH", other, Map.of("version", version, "tags", List.of("returning")), "application/json")
			.status()).isEqualTo(200);
		supervisor.post(other + "/notes", Map.of("body", "Called twice"));

		ApiClient.Response merged = supervisor.post("/api/v1/customers/" + first.customerId() + "/merge",
				Map.of("otherId", second.customerId()));
		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		JsonNode survivor = merged.json();
		assertThat(survivor.path("tags").toString()).contains("returning");
		assertThat(survivor.path("notes").get(0).path("body").asString()).isEqualTo("Called twice");
		assertThat(survivor.path("contacts").get(0).path("value").asString()).isEqualTo("w***@example.com");
		eventsHandled();
		assertThat(supervisor.get("/api/v1/customers/" + first.customerId() + "/conversations")
			.json()
			.path("items")
			.findValuesAsString("question")).containsExactlyInAnyOrder("One", "Two");

		JsonNode followed = supervisor.get(other).json();
		assertThat(followed.path("id").asLong()).isEqualTo(first.customerId());
		assertThat(followed.path("mergedInto").asLong()).isEqualTo(first.customerId());
		assertThat(supervisor
			.post("/api/v1/customers/" + first.customerId() + "/merge", Map.of("otherId", second.customerId()))
			.status()).as("merged already").isEqualTo(409);
		assertThat(supervisor.post("/api/v1/customers/" + first.customerId() + "/merge", Map.of("otherId", 987654321))
			.status()).isEqualTo(404);

		JsonNode list = supervisor.get("/api/v1/customer-merges?limit=100").json();
		assertThat(list.path("items").get(0).path("mergedId").asLong()).isEqualTo(second.customerId());
		assertThat(list.path("items").get(0).path("survivorId").asLong()).isEqualTo(first.customerId());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'customer.merged' AND target = ?")
			.param("customer " + second.customerId() + " into " + first.customerId())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(supervisor.get("/api/v1/customers/" + first.customerId() + "/timeline?limit=100")
			.json()
			.path("items")
			.findValuesAsString("kind")).contains("MERGED", "TAGS_CHANGED", "NOTE_ADDED");
	}

	@Test
	void aSuggestedDuplicateIsShownWithTheOtherNameAndCanBeDismissed() {
		CustomerFixtures f = fixtures();
		JsonNode site = f.channel(unique("Site"));
		String email = unique("dup") + "@example.com";
		CustomerFixtures.Visitor owner = f.started(site, Map.of("question", "A", "name", "Zhao Lei", "email", email));
		CustomerFixtures.Visitor typed = f.started(site, Map.of("question", "B", "email", email));
		ApiClient agent = signedInAs("agent");
		JsonNode suggestions = agent.get("/api/v1/customers/" + typed.customerId()).json().path("suggestions");
		assertThat(suggestions.get(0).path("otherId").asLong()).isEqualTo(owner.customerId());
		assertThat(suggestions.get(0).path("otherName").asString()).isEqualTo("Zhao Lei");
		ApiClient.Response dismissed = agent.delete(
				"/api/v1/customers/" + typed.customerId() + "/suggestions/" + suggestions.get(0).path("id").asLong());
		assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);
		assertThat(dismissed.json().path("suggestions").size()).isZero();
	}

	@Test
	void aBlockedAnonymousRecordMergedIntoTheIdentifiedCustomerKeepsHimBlocked() throws Exception {
		CustomerFixtures f = fixtures();
		JsonNode site = f.channel(unique("Site"));
		CustomerFixtures.Visitor v = f.started(site, Map.of("question", "Hi"));
		String path = "/api/v1/customers/" + v.customerId();
		ApiClient.Response blocked = admin().post(path + "/block", Map.of("reason", "Spam links"));
		assertThat(blocked.status()).as(blocked.toString()).isEqualTo(200);

		String id = unique("user");
		ApiClient.Response known = client().post("/api/v1/widget/channels/" + v.channelKey() + "/visitors",
				vouched(site, id));
		assertThat(known.status()).as(known.toString()).isEqualTo(200);
		Map<String, Object> identified = new java.util.HashMap<>(vouched(site, id));
		identified.put("token", v.token());
		ApiClient.Response arrived = client().post("/api/v1/widget/channels/" + v.channelKey() + "/visitors",
				identified);
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		long survivor = this.jdbc.sql("SELECT customer_id FROM visitor WHERE id = ?")
			.param(v.visitorId())
			.query(Long.class)
			.single();
		assertThat(survivor).as("merged into the identified customer").isNotEqualTo(v.customerId());
		assertThat(this.jdbc.sql("SELECT block_reason FROM customer WHERE id = ?")
			.param(survivor)
			.query(String.class)
			.list()).containsExactly("Spam links");
		refused(v.widget().post("/api/v1/widget/conversations", Map.of("question", "again")));
	}

	@Autowired
	dev.parley.customers.internal.CustomerMerges merges;

	@Autowired
	dev.parley.customers.internal.CustomerRepository repository;

	@Test
	void aMergeTheOtherWayRoundOfAPairMergedMeanwhileIsRefused() {
		CustomerFixtures f = fixtures();
		JsonNode site = f.channel(unique("Site"));
		long a = f.started(site, Map.of("question", "Hi")).customerId();
		long b = f.started(site, Map.of("question", "Hello")).customerId();
		dev.parley.customers.internal.Customer staleA = this.repository.findById(a).orElseThrow();
		dev.parley.customers.internal.Customer staleB = this.repository.findById(b).orElseThrow();
		this.merges.merge(staleA, staleB, "test", "first");
		assertThatThrownBy(() -> this.merges.merge(staleB, staleA, "test", "the other way round"))
			.isInstanceOfSatisfying(dev.parley.platform.ApiException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("customer_merged"));
		assertThat(this.jdbc.sql("SELECT merged_into FROM customer WHERE id = ?").param(a).query(Long.class).list())
			.as("the survivor stays live")
			.containsExactly((Long) null);
	}

	@Test
	void twoArrivalsOfTheSameNewVouchedIdAtOnceMakeOneCustomer() throws Exception {
		JsonNode site = fixtures().channel(unique("Site"));
		for (int round = 0; round < 5; round++) {
			String id = unique("user");
			Map<String, Object> body = new java.util.HashMap<>(vouched(site, id));
			body.put("name", "Li Lei");
			body.put("email", id.toLowerCase() + "@example.com");
			java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
			try {
				List<java.util.concurrent.Future<ApiClient.Response>> arrivals = new java.util.ArrayList<>();
				for (int i = 0; i < 2; i++) {
					arrivals.add(pool.submit(() -> {
						start.await();
						return client().post("/api/v1/widget/channels/" + site.path("key").asString() + "/visitors",
								body);
					}));
				}
				for (java.util.concurrent.Future<ApiClient.Response> arrival : arrivals) {
					ApiClient.Response response = arrival.get(30, java.util.concurrent.TimeUnit.SECONDS);
					assertThat(response.status()).as(response.toString()).isEqualTo(200);
				}
			}
			finally {
				pool.shutdownNow();
			}
			List<Long> customers = this.jdbc.sql(
					"SELECT DISTINCT v.customer_id FROM visitor v WHERE v.channel_id = ? AND v.customer_external_id = ?")
				.params(site.path("id").asLong(), id)
				.query(Long.class)
				.list();
			assertThat(customers).as("one customer").hasSize(1);
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM customer_contact WHERE customer_id = ?")
				.param(customers.get(0))
				.query(Integer.class)
				.single()).as("his address once").isEqualTo(1);
		}
	}

	@Test
	void timesBeyondTheYear9999AreRefusedNamingTheField() {
		CustomerFixtures f = fixtures();
		CustomerFixtures.Visitor v = f.started(f.channel(unique("Site")), Map.of("question", "Hi"));
		ApiClient.Response block = admin().post("/api/v1/customers/" + v.customerId() + "/block",
				Map.of("reason", "spam", "until", "+1000000000-01-01T00:00:00Z"));
		assertThat(block.status()).as(block.toString()).isEqualTo(400);
		assertThat(block.body()).contains("until");
		for (String field : List.of("from", "to")) {
			ApiClient.Response search = admin()
				.get("/api/v1/conversations/search?" + field + "=%2B1000000000-01-01T00:00:00Z");
			assertThat(search.status()).as(search.toString()).isEqualTo(400);
			assertThat(search.body()).contains(field);
		}
		ApiClient.Response list = admin().get("/api/v1/customers?lastConversation.from=%2B1000000000-01-01T00:00:00Z");
		assertThat(list.status()).as(list.toString()).isEqualTo(400);
		assertThat(list.body()).contains("lastConversation.from");
	}

	private static Map<String, Object> vouched(JsonNode channel, String customerId) throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(channel.path("identitySecret").asString().getBytes(),
				"HmacSHA256"));
		return Map.of("customerId", customerId, "customerHash",
				java.util.HexFormat.of().formatHex(mac.doFinal(customerId.getBytes())));
	}

}
