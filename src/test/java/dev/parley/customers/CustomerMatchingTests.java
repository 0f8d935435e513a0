package dev.parley.customers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who a visitor is: identity verification links at once across channels and devices; a
 * typed e-mail address only suggests a match.
 */
class CustomerMatchingTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVouchedForCustomerIsOneRecordOnEveryChannelAndDevice() throws Exception {
		JsonNode site = channel();
		JsonNode app = channel();
		String id = unique("user");
		long onSite = arrive(site, vouched(site, id)).path("visitor").path("id").asLong();
		long onPhone = arrive(app, vouched(app, id)).path("visitor").path("id").asLong();
		assertThat(onSite).isNotEqualTo(onPhone);
		Long customer = customerOf(onSite);
		assertThat(customer).isNotNull().isEqualTo(customerOf(onPhone));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM customer_channel WHERE customer_id = ?")
			.param(customer)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void anAnonymousVisitorBecomesACustomerWhenHeStartsAndIsMergedWhenIdentified() throws Exception {
		JsonNode site = channel();
		JsonNode anonymous = arrive(site, Map.of("name", "Li Lei"));
		long visitor = anonymous.path("visitor").path("id").asLong();
		assertThat(customerOf(visitor)).as("nobody yet: he only looked").isNull();
		ApiClient widget = client().withHeader("X-Parley-Visitor", anonymous.path("token").asString());
		assertThat(widget.post("/api/v1/widget/conversations", Map.of("question", "Hi")).status()).isEqualTo(201);
		Long own = customerOf(visitor);
		assertThat(own).isNotNull();
		eventsHandled();
		assertThat(conversations(own)).isEqualTo(1);

		String id = unique("user");
		long known = customerOf(arrive(site, vouched(site, id)).path("visitor").path("id").asLong());
		Map<String, Object> identified = new HashMap<>(vouched(site, id));
		identified.put("token", anonymous.path("token").asString());
		arrive(site, identified);
		assertThat(customerOf(visitor)).isEqualTo(known);
		assertThat(this.jdbc.sql("SELECT merged_into FROM customer WHERE id = ?").param(own).query(Long.class).single())
			.as("the anonymous record points to the identified one")
			.isEqualTo(known);
		assertThat(conversations(known)).as("his conversation came along").isEqualTo(1);
	}

	@Test
	void anAnonymousRecordBecomesTheIdentifiedOneWhenThereIsNoneYet() throws Exception {
		JsonNode site = channel();
		JsonNode anonymous = arrive(site, Map.of());
		ApiClient widget = client().withHeader("X-Parley-Visitor", anonymous.path("token").asString());
		assertThat(widget.post("/api/v1/widget/conversations", Map.of("question", "Hi")).status()).isEqualTo(201);
		long visitor = anonymous.path("visitor").path("id").asLong();
		Long own = customerOf(visitor);
		Map<String, Object> identified = new HashMap<>(vouched(site, unique("user")));
		identified.put("token", anonymous.path("token").asString());
		arrive(site, identified);
		assertThat(customerOf(visitor)).isEqualTo(own);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM customer_identity WHERE customer_id = ?")
			.param(own)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void typingSomeoneElsesEmailOnlySuggestsAMatch() throws Exception {
		JsonNode site = channel();
		String email = unique("owner") + "@example.com";
		long owner = startWith(site, email);
		long stranger = startWith(site, email.toUpperCase());
		Long ownerCustomer = customerOf(owner);
		Long strangerCustomer = customerOf(stranger);
		assertThat(strangerCustomer).as("typing an address does not make him that customer")
			.isNotEqualTo(ownerCustomer);
		assertThat(
				this.jdbc.sql("SELECT candidate_id FROM customer_suggestion WHERE customer_id = ? AND reason = 'EMAIL'")
					.param(strangerCustomer)
					.query(Long.class)
					.list())
			.containsExactly(ownerCustomer);
		List<String> stored = this.jdbc.sql("SELECT value_sealed FROM customer_contact WHERE customer_id IN (?, ?)")
			.params(ownerCustomer, strangerCustomer)
			.query(String.class)
			.list();
		assertThat(stored).hasSize(2).allSatisfy((value) -> assertThat(value).startsWith("pd1:").doesNotContain("@"));
	}

	private long startWith(JsonNode channel, String email) {
		JsonNode arrived = arrive(channel, Map.of());
		ApiClient widget = client().withHeader("X-Parley-Visitor", arrived.path("token").asString());
		ApiClient.Response started = widget.post("/api/v1/widget/conversations",
				Map.of("question", "Hello", "email", email));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return arrived.path("visitor").path("id").asLong();
	}

	private JsonNode channel() {
		ApiClient.Response response = admin().post("/api/v1/channels", Map.of("kind", "website", "name", unique("Site"),
				"allowedOrigins", List.of("https://shop.example.com"), "prechatEnabled", false));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private JsonNode arrive(JsonNode channel, Map<String, Object> body) {
		ApiClient.Response arrived = client()
			.post("/api/v1/widget/channels/" + channel.path("key").asString() + "/visitors", body);
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		return arrived.json();
	}

	private static Map<String, Object> vouched(JsonNode channel, String customerId) throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(channel.path("identitySecret").asString().getBytes(),
				"HmacSHA256"));
		return Map.of("customerId", customerId, "customerHash",
				java.util.HexFormat.of().formatHex(mac.doFinal(customerId.getBytes())));
	}

	private Long customerOf(long visitorId) {
		return this.jdbc.sql("SELECT customer_id FROM visitor WHERE id = ?")
			.param(visitorId)
			.query((rs, row) -> (Long) rs.getObject(1, Long.class))
			.list()
			.get(0);
	}

	private int conversations(long customerId) {
		return this.jdbc.sql("SELECT conversation_count FROM customer WHERE id = ?")
			.param(customerId)
			.query(Integer.class)
			.single();
	}

}
