package dev.parley.conversations;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.conversations.internal.VisitorSessions;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.StatementCounting;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a returning visitor's page load (the widget's arrival) costs the database: a
 * visitor linked to a customer who comes back within a minute, on the same page, changes
 * nothing and so writes nothing; a new page writes the visitor's row once. The counts are
 * in docs/performance.md ("Arrival of a returning visitor").
 */
@Import(StatementCounting.class)
class ArrivalStatementsTests extends IntegrationTest {

	private static final VisitorSessions.Origin ORIGIN = new VisitorSessions.Origin("203.0.113.7", "Firefox");

	@Autowired
	VisitorSessions sessions;

	@Test
	void aRepeatArrivalOfAVouchedForCustomerWritesNothing() throws Exception {
		JsonNode channel = channel();
		String key = channel.path("key").asString();
		String id = unique("user");
		String hash = hash(channel, id);
		String token = this.sessions.arrive(key, vouched(null, id, hash, "https://shop.example.com/"), ORIGIN).token();

		StatementCounting.Recorded<VisitorSessions.Session> again = StatementCounting
			.during(() -> this.sessions.arrive(key, vouched(token, id, hash, "https://shop.example.com/"), ORIGIN));
		print("vouched-for customer, same page", again.statements());
		assertThat(again.writes()).isEmpty();
		assertThat(again.statements()).hasSizeLessThanOrEqualTo(9);

		StatementCounting.Recorded<VisitorSessions.Session> page = StatementCounting
			.during(() -> this.sessions.arrive(key, vouched(token, id, hash, "https://shop.example.com/cart"), ORIGIN));
		print("vouched-for customer, another page", page.statements());
		assertThat(page.writes()).hasSize(1).allMatch((sql) -> sql.startsWith("UPDATE visitor"));

		this.clock.advance(Duration.ofMinutes(2));
		StatementCounting.Recorded<VisitorSessions.Session> later = StatementCounting
			.during(() -> this.sessions.arrive(key, vouched(token, id, hash, "https://shop.example.com/cart"), ORIGIN));
		print("vouched-for customer, same page two minutes later", later.statements());
		assertThat(later.writes()).as("last seen of the visitor, the customer and his channel").hasSize(3);
	}

	@Test
	void aRepeatArrivalOfAVisitorWhoBecameACustomerWritesNothing() {
		JsonNode channel = channel();
		String key = channel.path("key").asString();
		String token = this.sessions.arrive(key, plain(null), ORIGIN).token();
		ApiClient widget = client().withHeader("X-Parley-Visitor", token);
		assertThat(widget.post("/api/v1/widget/conversations", Map.of("question", "Hi")).status()).isEqualTo(201);

		StatementCounting.Recorded<VisitorSessions.Session> again = StatementCounting
			.during(() -> this.sessions.arrive(key, plain(token), ORIGIN));
		print("visitor who became a customer, same page", again.statements());
		assertThat(again.writes()).isEmpty();
		assertThat(again.statements()).hasSizeLessThanOrEqualTo(9);
	}

	private static VisitorSessions.Arrival vouched(String token, String id, String hash, String page) {
		return new VisitorSessions.Arrival(token, id, hash, "Li Lei", "li.lei@example.com", null, "zh-CN", page, null,
				null, null);
	}

	private static VisitorSessions.Arrival plain(String token) {
		return new VisitorSessions.Arrival(token, null, null, null, null, null, "zh-CN", "https://shop.example.com/",
				null, null, null);
	}

	private static void print(String what, List<String> statements) {
		System.out.println("arrival (" + what + "): " + statements.size() + " statements");
		statements.forEach((sql) -> System.out.println("  " + sql));
	}

	private JsonNode channel() {
		ApiClient.Response response = admin().post("/api/v1/channels", Map.of("kind", "website", "name", unique("Site"),
				"allowedOrigins", List.of("https://shop.example.com"), "prechatEnabled", false));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private static String hash(JsonNode channel, String customerId) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(channel.path("identitySecret").asString().getBytes(), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(customerId.getBytes()));
	}

}
