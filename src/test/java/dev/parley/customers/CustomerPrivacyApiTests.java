package dev.parley.customers;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data subject requests: the export holds everything about the customer with his contacts
 * opened, the erasure empties his record and anonymises his transcripts; both need
 * customer.privacy, both are audited, and a wrong confirmation changes nothing.
 */
class CustomerPrivacyApiTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void exportsEverythingAboutACustomer() throws Exception {
		Subject subject = subject();
		ApiClient.Response export = admin().get("/api/v1/customers/" + subject.customerId + "/data-export");
		assertThat(export.status()).as(export.toString()).isEqualTo(200);
		JsonNode json = export.json();
		assertThat(json.path("customer").path("id").asLong()).isEqualTo(subject.customerId);
		assertThat(json.path("customer").path("name").asString()).isEqualTo("Li Lei");
		assertThat(json.path("contacts").toString()).contains(subject.email);
		assertThat(json.path("identities").toString()).contains(subject.externalId);
		assertThat(json.path("visitors").get(0).path("email").asString()).isEqualTo(subject.email);
		assertThat(json.path("visitors").get(0).path("ip").asString()).isEqualTo("203.0.113.9");
		JsonNode lines = json.path("conversations").get(0).path("lines");
		assertThat(lines.toString()).contains("Where is my order?", "It ships today.", "photo.png");
		assertThat(audits("customer.exported", subject.customerId)).isEqualTo(1);
	}

	@Test
	void erasesTheRecordAndAnonymisesTheTranscripts() throws Exception {
		Subject subject = subject();
		ApiClient admin = admin();
		String path = "/api/v1/customers/" + subject.customerId + "/erase";

		ApiClient.Response blank = admin.post(path, Map.of());
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().path("errors").get(0).path("field").asString()).isEqualTo("confirm");
		assertThat(admin.post(path, Map.of("confirm", "Han Meimei")).status()).isEqualTo(400);
		assertThat(admin.post(path, Map.of("confirm", subject.customerId + 1)).status()).isEqualTo(400);
		assertThat(admin.post("/api/v1/customers/999999999/erase", Map.of("confirm", "999999999")).status())
			.isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT name FROM customer WHERE id = ?")
			.param(subject.customerId)
			.query(String.class)
			.single()).as("nothing changed yet").isEqualTo("Li Lei");

		ApiClient.Response erased = admin.post(path, Map.of("confirm", "Li Lei"));
		assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
		assertThat(erased.json().path("conversations").asInt()).isEqualTo(1);
		assertThat(erased.json().path("files").asInt()).isEqualTo(1);
		Map<String, Object> customer = this.jdbc.sql("SELECT name, erased_at FROM customer WHERE id = ?")
			.param(subject.customerId)
			.query()
			.singleRow();
		assertThat(customer.get("NAME")).isNull();
		assertThat(customer.get("ERASED_AT")).isNotNull();
		for (String table : List.of("customer_contact", "customer_identity", "customer_tag", "customer_note",
				"customer_attribute_value")) {
			assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE customer_id = ?", subject.customerId)).as(table)
				.isZero();
		}
		assertThat(this.jdbc.sql("SELECT DISTINCT body FROM chat_message WHERE conversation_id = ? AND kind = 'text'")
			.param(subject.conversationId)
			.query(String.class)
			.list()).containsExactly("[erased]");
		assertThat(count("SELECT COUNT(*) FROM attachment WHERE conversation_id = ?", subject.conversationId)).isZero();
		assertThat(count(
				"SELECT COUNT(*) FROM visitor WHERE customer_id = ? AND (name IS NOT NULL OR "
						+ "email_sealed IS NOT NULL OR ip_sealed IS NOT NULL OR customer_external_id IS NOT NULL)",
				subject.customerId))
			.isZero();
		assertThat(audits("customer.erased", subject.customerId)).isEqualTo(1);
		JsonNode export = admin.get("/api/v1/customers/" + subject.customerId + "/data-export").json();
		assertThat(export.toString()).doesNotContain(subject.email).doesNotContain("Where is my order?");

		assertThat(admin.post(path, Map.of("confirm", String.valueOf(subject.customerId))).code())
			.isEqualTo("customer_erased");
	}

	@Test
	void onlyCustomerPrivacyMayAsk() throws Exception {
		Subject subject = subject();
		ApiClient supervisor = signedInAs("supervisor");
		assertThat(supervisor.get("/api/v1/customers/" + subject.customerId + "/data-export").status()).isEqualTo(403);
		assertThat(supervisor.post("/api/v1/customers/" + subject.customerId + "/erase", Map.of("confirm", "Li Lei"))
			.status()).isEqualTo(403);
		assertThat(client().get("/api/v1/customers/" + subject.customerId + "/data-export").status()).isEqualTo(401);
		assertThat(admin().get("/api/v1/customers/x/data-export").status()).isEqualTo(400);
		assertThat(admin().get("/api/v1/customers/999999999/data-export").status()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT name FROM customer WHERE id = ?")
			.param(subject.customerId)
			.query(String.class)
			.single()).isEqualTo("Li Lei");
	}

	private record Subject(long customerId, long conversationId, String email, String externalId) {
	}

	/** A vouched-for customer with a conversation, an agent's reply and a file. */
	private Subject subject() throws Exception {
		ApiClient admin = admin();
		JsonNode channel = admin
			.post("/api/v1/channels", Map.of("kind", "website", "name", unique("Site"), "allowedOrigins",
					List.of("https://shop.example.com"), "prechatEnabled", false))
			.json();
		String externalId = unique("user");
		String email = unique("li").toLowerCase() + "@example.com";
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(channel.path("identitySecret").asString().getBytes(StandardCharsets.UTF_8),
				"HmacSHA256"));
		String hash = HexFormat.of().formatHex(mac.doFinal(externalId.getBytes(StandardCharsets.UTF_8)));
		ApiClient.Response arrived = client().withHeader("X-Forwarded-For", "203.0.113.9")
			.post("/api/v1/widget/channels/" + channel.path("key").asString() + "/visitors",
					Map.of("customerId", externalId, "customerHash", hash, "name", "Li Lei", "email", email));
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		ApiClient widget = client().withHeader("X-Parley-Visitor", arrived.json().path("token").asString());
		ApiClient.Response started = widget.post("/api/v1/widget/conversations",
				Map.of("question", "Where is my order?", "email", email));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		long conversation = started.json().path("id").asLong();
		ApiClient.Response file = widget.upload("/api/v1/widget/conversations/" + conversation + "/attachments",
				"photo.png", png(), Map.of("clientId", "file-1"));
		assertThat(file.status()).as(file.toString()).isLessThan(300);
		admin.post("/api/v1/conversations/" + conversation + "/assign", Map.of());
		ApiClient.Response reply = admin.post("/api/v1/conversations/" + conversation + "/messages",
				Map.of("clientId", "r-1", "text", "It ships today."));
		assertThat(reply.status()).as(reply.toString()).isLessThan(300);
		// he read it in the chat: no reply by mail (which other tests' scans would count)
		this.jdbc.sql("UPDATE conversation SET visitor_read_seq = last_seq WHERE id = ?").param(conversation).update();
		eventsHandled();
		long customer = this.jdbc.sql("SELECT customer_id FROM visitor WHERE id = ?")
			.param(arrived.json().path("visitor").path("id").asLong())
			.query(Long.class)
			.single();
		return new Subject(customer, conversation, email, externalId);
	}

	private long count(String sql, Object param) {
		return this.jdbc.sql(sql).param(param).query(Long.class).single();
	}

	private long audits(String action, long customerId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND target = ?")
			.params(action, "customer #" + customerId)
			.query(Long.class)
			.single();
	}

	/** The smallest PNG: one transparent pixel. */
	private static byte[] png() {
		return java.util.Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
	}

}
