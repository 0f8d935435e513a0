package dev.parley.customers;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.conversations.internal.TranscriptIndex;
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

	@Autowired
	TranscriptIndex transcripts;

	@Test
	void exportsEverythingAboutACustomer() throws Exception {
		Subject subject = subject();
		ApiClient admin = admin();
		String suffix = unique("k").substring(2).replace("-", "");
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		for (String type : List.of("TEXT", "NUMBER", "DATE", "CHOICE")) {
			String key = type.toLowerCase() + "_" + suffix;
			Map<String, Object> definition = new java.util.HashMap<>(
					Map.of("key", key, "label", "Export " + type, "type", type));
			if (type.equals("CHOICE")) {
				definition.put("choices", List.of("basic", "pro"));
			}
			assertThat(admin.post("/api/v1/customer-attributes", definition).status()).isEqualTo(201);
			values.put(key, switch (type) {
				case "TEXT" -> "likes tea";
				case "NUMBER" -> 42.5;
				case "DATE" -> "2026-11-30";
				default -> "pro";
			});
		}
		int version = admin.get("/api/v1/customers/" + subject.customerId).json().path("version").asInt();
		ApiClient.Response edited = admin.send("PATCH", "/api/v1/customers/" + subject.customerId,
				Map.of("version", version, "attributes", values), "application/json");
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

		ApiClient.Response export = admin.get("/api/v1/customers/" + subject.customerId + "/data-export");
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
		Map<String, String> attributes = new java.util.HashMap<>();
		json.path("attributes").forEach((a) -> attributes.put(a.path("key").asString(), a.path("value").asString()));
		assertThat(attributes).containsEntry("text_" + suffix, "likes tea")
			.containsEntry("number_" + suffix, "42.5")
			.containsEntry("date_" + suffix, "2026-11-30")
			.containsEntry("choice_" + suffix, "pro");
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

		// what else he left: a note and tags on his timeline, a portal account, the
		// transcript's search terms
		assertThat(admin.post("/api/v1/customers/" + subject.customerId + "/notes", Map.of("body", "Lives at 5 Elm St"))
			.status()).isLessThan(300);
		this.jdbc
			.sql("INSERT INTO customer_account (email_sealed, email_index, password_hash, customer_id, verified_at, "
					+ "session_version, created_at, updated_at) VALUES ('x', ?, 'h', ?, 0, 0, 0, 0)")
			.params(unique("index"), subject.customerId)
			.update();
		long account = this.jdbc.sql("SELECT id FROM customer_account WHERE customer_id = ?")
			.param(subject.customerId)
			.query(Long.class)
			.single();
		this.jdbc
			.sql("INSERT INTO customer_account_token (token_hash, account_id, purpose, created_at, expires_at) "
					+ "VALUES (?, ?, 'RESET', 0, 1)")
			.params(unique("t"), account)
			.update();
		while (this.transcripts.indexPending(500) == 500) {
			// until every transcript is indexed
		}
		assertThat(count("SELECT COUNT(*) FROM conversation_term WHERE conversation_id = ?", subject.conversationId))
			.isPositive();

		// his one conversation counted, as live chat's figures keep it
		this.jdbc.sql("UPDATE customer SET conversation_count = 1, last_conversation_at = 1 WHERE id = ?")
			.param(subject.customerId)
			.update();

		ApiClient.Response erased = admin.post(path, Map.of("confirm", "Li Lei"));
		assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
		assertThat(erased.json().path("conversations").asInt()).isEqualTo(1);
		JsonNode page = admin.get("/api/v1/customers/" + subject.customerId).json();
		assertThat(page.path("conversationCount").asInt()).as("his visitors are unlinked: no conversation is his")
			.isZero();
		assertThat(page.path("lastConversationAt").isNull()).isTrue();
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
				"SELECT COUNT(*) FROM visitor WHERE id = ? AND (name IS NOT NULL OR "
						+ "email_sealed IS NOT NULL OR ip_sealed IS NOT NULL OR customer_external_id IS NOT NULL)",
				subject.visitorId))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM visitor WHERE id = ? AND customer_id IS NULL", subject.visitorId))
			.as("his visitor is nobody's any more")
			.isOne();
		assertThat(count("SELECT COUNT(*) FROM customer_account WHERE customer_id = ?", subject.customerId)).isZero();
		assertThat(count("SELECT COUNT(*) FROM customer_account_token WHERE account_id = ?", account)).isZero();
		assertThat(count("SELECT COUNT(*) FROM customer_event WHERE customer_id = ?", subject.customerId)).isPositive();
		assertThat(count("SELECT COUNT(*) FROM customer_event WHERE customer_id = ? AND detail IS NOT NULL",
				subject.customerId))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM conversation_term WHERE conversation_id = ?", subject.conversationId))
			.as("the transcript is not found by its old words")
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM conversation_search_state WHERE conversation_id = ?",
				subject.conversationId))
			.isZero();
		assertThat(audits("customer.erased", subject.customerId)).isEqualTo(1);
		JsonNode export = admin.get("/api/v1/customers/" + subject.customerId + "/data-export").json();
		assertThat(export.toString()).doesNotContain(subject.email).doesNotContain("Where is my order?");

		assertThat(admin.post(path, Map.of("confirm", String.valueOf(subject.customerId))).code())
			.isEqualTo("customer_erased");

		// he comes back, vouched for by the same website: a new record, not the erased
		// one
		ApiClient.Response again = client().post("/api/v1/widget/channels/" + subject.channelKey + "/visitors",
				Map.of("customerId", subject.externalId, "customerHash", subject.hash, "name", "Li Lei"));
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		eventsHandled();
		List<Long> owner = this.jdbc.sql("SELECT customer_id FROM visitor WHERE id = ? AND customer_id IS NOT NULL")
			.param(again.json().path("visitor").path("id").asLong())
			.query(Long.class)
			.list();
		assertThat(owner).hasSize(1).doesNotContain(subject.customerId);
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

	private record Subject(long customerId, long conversationId, String email, String externalId, long visitorId,
			String channelKey, String hash) {
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
		return new Subject(customer, conversation, email, externalId,
				arrived.json().path("visitor").path("id").asLong(), channel.path("key").asString(), hash);
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
