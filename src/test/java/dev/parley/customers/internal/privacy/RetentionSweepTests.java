package dev.parley.customers.internal.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Retention: with {@code customers.retentionDays} set, closed conversations older than
 * that are anonymised and customers with nothing left are erased; newer ones stay, and so
 * do portal account holders and records that never had a conversation (imported); 0 keeps
 * everything; the setting refuses values out of range.
 */
class RetentionSweepTests extends IntegrationTest {

	@Autowired
	RetentionSweep sweep;

	@Autowired
	JdbcClient jdbc;

	@Test
	void erasesWhatIsOlderThanTheRetentionAndKeepsTheRest() throws Exception {
		ApiClient admin = admin();
		assertThat(admin.put("/api/v1/settings", Map.of(RetentionSweep.DAYS, "-1")).status()).isEqualTo(400);
		assertThat(admin.put("/api/v1/settings", Map.of(RetentionSweep.DAYS, "36501")).status()).isEqualTo(400);
		assertThat(admin.put("/api/v1/settings", Map.of(RetentionSweep.DAYS, "soon")).status()).isEqualTo(400);

		JsonNode channel = admin
			.post("/api/v1/channels", Map.of("kind", "website", "name", unique("Site"), "allowedOrigins",
					List.of("https://shop.example.com"), "prechatEnabled", false))
			.json();
		Chat old = chat(channel, "Old question");
		Chat holder = chat(channel, "Old question of an account holder");
		this.jdbc
			.sql("INSERT INTO customer_account (email_sealed, email_index, password_hash, customer_id, verified_at, "
					+ "session_version, created_at, updated_at) VALUES ('x', ?, 'h', ?, 0, 0, 0, 0)")
			.params(unique("index"), holder.customer)
			.update();
		// an imported customer: never had a visitor nor a conversation
		this.jdbc
			.sql("INSERT INTO customer (name, first_seen_at, last_seen_at, conversation_count, created_at, "
					+ "updated_at, version) VALUES ('Imported', ?, ?, 0, ?, ?, 0)")
			.params(this.clock.millis(), this.clock.millis(), this.clock.millis(), this.clock.millis())
			.update();
		long imported = this.jdbc.sql("SELECT MAX(id) FROM customer WHERE name = 'Imported'")
			.query(Long.class)
			.single();
		java.time.Instant start = this.clock.instant();
		this.clock.advance(Duration.ofDays(40));
		Chat recent = chat(channel, "Recent question");
		assertThat(this.sweep.sweep()).as("0 keeps everything").isEqualTo(new RetentionSweep.Summary(0, 0, 0));
		try {
			assertThat(admin.put("/api/v1/settings", Map.of(RetentionSweep.DAYS, "30")).status()).isLessThan(300);
			RetentionSweep.Summary summary = this.sweep.sweep();
			assertThat(summary.conversations()).isPositive();
			assertThat(summary.customers()).isPositive();

			assertThat(texts(old.conversation)).containsOnly("[erased]");
			assertThat(erased(old.customer)).isTrue();
			assertThat(texts(holder.conversation)).containsOnly("[erased]");
			assertThat(erased(holder.customer)).as("a portal account holder keeps his record").isFalse();
			assertThat(erased(imported)).as("a record that never had a conversation stays").isFalse();
			assertThat(texts(recent.conversation)).contains("Recent question");
			assertThat(erased(recent.customer)).isFalse();
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'customers.retention'")
				.query(Long.class)
				.single()).isPositive();
			Long erasedAt = erasedAt(old.customer);
			this.sweep.sweep();
			assertThat(erasedAt(old.customer)).as("nothing is erased twice").isEqualTo(erasedAt);
		}
		finally {
			admin.put("/api/v1/settings", Map.of(RetentionSweep.DAYS, "0"));
			// the context's clock is shared: other tests' passwords and schedules use it
			this.clock.set(start);
		}
	}

	private record Chat(long customer, long conversation) {
	}

	/** A vouched-for visitor's conversation, closed. */
	private Chat chat(JsonNode channel, String question) throws Exception {
		String externalId = unique("user");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(channel.path("identitySecret").asString().getBytes(StandardCharsets.UTF_8),
				"HmacSHA256"));
		ApiClient.Response arrived = client().post(
				"/api/v1/widget/channels/" + channel.path("key").asString() + "/visitors",
				Map.of("customerId", externalId, "customerHash",
						HexFormat.of().formatHex(mac.doFinal(externalId.getBytes(StandardCharsets.UTF_8))), "name",
						"Li Lei"));
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		ApiClient widget = client().withHeader("X-Parley-Visitor", arrived.json().path("token").asString());
		ApiClient.Response started = widget.post("/api/v1/widget/conversations", Map.of("question", question));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		long conversation = started.json().path("id").asLong();
		assertThat(widget.post("/api/v1/widget/conversations/" + conversation + "/close", Map.of()).status())
			.isLessThan(300);
		eventsHandled();
		long customer = this.jdbc.sql("SELECT customer_id FROM visitor WHERE id = ?")
			.param(arrived.json().path("visitor").path("id").asLong())
			.query(Long.class)
			.single();
		return new Chat(customer, conversation);
	}

	private List<String> texts(long conversation) {
		return this.jdbc.sql("SELECT body FROM chat_message WHERE conversation_id = ? AND kind = 'text'")
			.param(conversation)
			.query(String.class)
			.list();
	}

	private Long erasedAt(long customer) {
		return this.jdbc.sql("SELECT erased_at FROM customer WHERE id = ?")
			.param(customer)
			.query(Long.class)
			.list()
			.get(0);
	}

	private boolean erased(long customer) {
		return !this.jdbc.sql("SELECT id FROM customer WHERE id = ? AND erased_at IS NOT NULL")
			.param(customer)
			.query(Long.class)
			.list()
			.isEmpty();
	}

}
