package dev.parley.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limits on one node, with small budgets (each refilled within a minute) and the
 * test clock: each limit refuses once its budget is spent, with {@code 429}, a
 * {@code Retry-After} and a translated problem, and lets requests through again once the
 * clock has moved on; budgets are kept per address, per account, per channel and per API
 * token. Client addresses are given by {@code X-Forwarded-For} through the loopback
 * proxy.
 */
@TestPropertySource(properties = { "parley.rate-limits.policies.sign-in.capacity=3",
		"parley.rate-limits.policies.sign-in.period=1m", "parley.rate-limits.policies.sign-in-account.capacity=3",
		"parley.rate-limits.policies.sign-in-account.period=1m",
		"parley.rate-limits.policies.password-reset.capacity=3", "parley.rate-limits.policies.password-reset.period=1m",
		"parley.rate-limits.policies.password-reset-account.capacity=2",
		"parley.rate-limits.policies.password-reset-account.period=1m",
		"parley.rate-limits.policies.widget-arrival.capacity=3", "parley.rate-limits.policies.widget-arrival.period=1m",
		"parley.rate-limits.policies.visitor-creation.capacity=4",
		"parley.rate-limits.policies.visitor-creation.period=1m",
		"parley.rate-limits.policies.conversation-start.capacity=2",
		"parley.rate-limits.policies.conversation-start.period=1m",
		"parley.rate-limits.policies.left-message.capacity=2", "parley.rate-limits.policies.left-message.period=1m",
		"parley.rate-limits.policies.upload.capacity=2", "parley.rate-limits.policies.upload.period=1m",
		"parley.rate-limits.policies.message-send.capacity=3", "parley.rate-limits.policies.message-send.period=1m",
		"parley.rate-limits.policies.api-token.capacity=5", "parley.rate-limits.policies.api-token.period=1m" })
@Import(RateLimitTests.RecordedRefusals.class)
class RateLimitTests extends IntegrationTest {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	private RecordedRefusals refusals;

	@Autowired
	private MeterRegistry meters;

	/** Every budget is full again: the administrator may sign in in each test. */
	@BeforeEach
	void refill() {
		this.clock.advance(Duration.ofMinutes(1));
	}

	@Test
	void signInsFromOneAddressAreRefusedBeyondTheBudgetWhateverTheNameAndAgainAllowedLater() {
		String address = address();
		for (int i = 0; i < 3; i++) {
			assertThat(signIn(address, unique("nobody")).status()).isEqualTo(401);
		}
		ApiClient.Response refused = signIn(address, unique("nobody"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isEqualTo("20");
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().path("code").asString()).isEqualTo("rate_limited");
		assertThat(refused.json().path("limit").asString()).isEqualTo("sign-in");
		assertThat(refused.json().path("retryAfterSeconds").asLong()).isEqualTo(20);
		assertThat(refused.json().path("detail").asString()).isEqualTo("Too many attempts. Try again in 20 seconds.");
		assertThat(signIn(address(), unique("nobody")).status()).as("another address").isEqualTo(401);

		this.clock.advance(Duration.ofSeconds(19));
		assertThat(signIn(address, unique("nobody")).header("Retry-After")).isEqualTo("1");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(signIn(address, unique("nobody")).status()).as("a token back after 20 s").isEqualTo(401);
		assertThat(signIn(address, unique("nobody")).status()).isEqualTo(429);
	}

	@Test
	void theRefusalIsInThePersonsLanguage() {
		String address = address();
		for (int i = 0; i < 3; i++) {
			signIn(address, unique("nobody"));
		}
		ApiClient.Response chinese = withCsrf(address).withHeader("Accept-Language", "zh-CN")
			.post("/api/v1/session", Map.of("username", "x", "password", "y"));
		assertThat(chinese.status()).isEqualTo(429);
		assertThat(chinese.json().path("detail").asString()).isEqualTo("尝试次数过多，请在 20 秒后再试。");
	}

	@Test
	void signInsNamingOneAccountAreRefusedFromAnyAddressButNotThoseOfOthers() {
		String name = unique("target");
		for (int i = 0; i < 3; i++) {
			assertThat(signIn(address(), name).status()).isEqualTo(401);
		}
		ApiClient.Response refused = signIn(address(), name.toUpperCase());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.json().path("limit").asString()).isEqualTo("sign-in-account");
		assertThat(signIn(address(), unique("other")).status()).isEqualTo(401);
	}

	@Test
	void passwordResetRequestsAreLimitedPerAddressAndPerEmailAddress() {
		String address = address();
		for (int i = 0; i < 3; i++) {
			assertThat(reset(address, unique("a") + "@example.com").status()).isEqualTo(202);
		}
		ApiClient.Response byAddress = reset(address, unique("a") + "@example.com");
		assertThat(byAddress.status()).isEqualTo(429);
		assertThat(byAddress.json().path("limit").asString()).isEqualTo("password-reset");

		String email = unique("victim") + "@example.com";
		assertThat(reset(address(), email).status()).isEqualTo(202);
		assertThat(reset(address(), email).status()).isEqualTo(202);
		ApiClient.Response byEmail = reset(address(), email);
		assertThat(byEmail.status()).isEqualTo(429);
		assertThat(byEmail.json().path("limit").asString()).isEqualTo("password-reset-account");
		// malformed requests are refused for what they are
		assertThat(reset(address(), "not an address").status()).isEqualTo(400);
	}

	@Test
	void widgetArrivalsAreLimitedPerAddress() {
		String key = channelKey(admin());
		String address = address();
		for (int i = 0; i < 3; i++) {
			assertThat(arrive(key, address, null).status()).isEqualTo(200);
		}
		ApiClient.Response refused = arrive(key, address, null);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().path("limit").asString()).isEqualTo("widget-arrival");
		assertThat(arrive(key, address(), null).status()).as("another address").isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(arrive(key, address, null).status()).isEqualTo(200);
	}

	@Test
	void newVisitorsAreLimitedPerChannelFromAllAddressesButReturningOnesStillArrive() {
		ApiClient admin = admin();
		String key = channelKey(admin);
		String returning = null;
		for (int i = 0; i < 4; i++) {
			ApiClient.Response arrived = arrive(key, address(), null);
			assertThat(arrived.status()).isEqualTo(200);
			returning = arrived.json().path("token").asString();
		}
		ApiClient.Response refused = arrive(key, address(), null);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.json().path("limit").asString()).isEqualTo("visitor-creation");
		assertThat(arrive(key, address(), returning).status()).as("a known visitor").isEqualTo(200);
		assertThat(arrive(channelKey(admin), address(), null).status()).as("another channel").isEqualTo(200);
	}

	@Test
	void conversationStartsAreLimitedPerAddress() {
		String key = channelKey(admin());
		String address = address();
		for (int i = 0; i < 2; i++) {
			assertThat(visitor(key).withHeader("X-Forwarded-For", address)
				.post("/api/v1/widget/conversations", Map.of("question", "Hello"))
				.status()).isEqualTo(201);
		}
		ApiClient.Response refused = visitor(key).withHeader("X-Forwarded-For", address)
			.post("/api/v1/widget/conversations", Map.of("question", "Hello"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().path("limit").asString()).isEqualTo("conversation-start");
	}

	@Test
	void leftMessagesAreLimitedPerAddress() {
		String key = channelKey(admin());
		String address = address();
		for (int i = 0; i < 2; i++) {
			ApiClient.Response left = visitor(key).withHeader("X-Forwarded-For", address)
				.post("/api/v1/widget/messages",
						Map.of("clientId", "left-" + i, "email", "ann@example.com", "text", "Call me back"));
			assertThat(left.status()).as(left.toString()).isEqualTo(201);
		}
		ApiClient.Response refused = visitor(key).withHeader("X-Forwarded-For", address)
			.post("/api/v1/widget/messages",
					Map.of("clientId", "left-9", "email", "ann@example.com", "text", "Call me back"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().path("limit").asString()).isEqualTo("left-message");
	}

	@Test
	void visitorMessagesAndUploadsAreLimitedPerAddress() {
		String key = channelKey(admin());
		String address = address();
		ApiClient visitor = visitor(key).withHeader("X-Forwarded-For", address);
		long conversation = visitor.post("/api/v1/widget/conversations", Map.of("question", "Hello"))
			.json()
			.path("id")
			.asLong();
		for (int i = 0; i < 3; i++) {
			assertThat(visitor
				.post("/api/v1/widget/conversations/" + conversation + "/messages",
						Map.of("clientId", "m" + i, "text", "Message " + i))
				.status()).isEqualTo(201);
		}
		ApiClient.Response refused = visitor.post("/api/v1/widget/conversations/" + conversation + "/messages",
				Map.of("clientId", "m9", "text", "One too many"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().path("limit").asString()).isEqualTo("message-send");

		for (int i = 0; i < 2; i++) {
			assertThat(upload(visitor, "/api/v1/widget/conversations/" + conversation + "/attachments", i).status())
				.isNotEqualTo(429);
		}
		ApiClient.Response tooMany = upload(visitor, "/api/v1/widget/conversations/" + conversation + "/attachments",
				9);
		assertThat(tooMany.status()).isEqualTo(429);
		assertThat(tooMany.json().path("limit").asString()).isEqualTo("upload");
	}

	@Test
	void staffMessagesAndUploadsAreLimitedPerAccountNotPerAddress() {
		ApiClient agent = signedInAs("agent");
		// the administrator signs in again and again to make a user: the budgets refill
		this.clock.advance(Duration.ofMinutes(1));
		ApiClient colleague = signedInAs("agent");
		this.clock.advance(Duration.ofMinutes(1));
		for (int i = 0; i < 3; i++) {
			assertThat(agent.post("/api/v1/conversations/999999/messages", Map.of("clientId", "c" + i, "text", "Hi"))
				.status()).isNotEqualTo(429);
		}
		ApiClient.Response refused = agent.post("/api/v1/conversations/999999/messages",
				Map.of("clientId", "c9", "text", "Hi"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().path("limit").asString()).isEqualTo("message-send");
		assertThat(
				colleague.post("/api/v1/conversations/999999/messages", Map.of("clientId", "d", "text", "Hi")).status())
			.as("the colleague behind the same address")
			.isNotEqualTo(429);

		for (int i = 0; i < 2; i++) {
			assertThat(upload(agent, "/api/v1/conversations/999999/attachments", i).status()).isNotEqualTo(429);
		}
		assertThat(upload(agent, "/api/v1/conversations/999999/attachments", 9).status()).isEqualTo(429);
		assertThat(upload(colleague, "/api/v1/conversations/999999/attachments", 9).status()).isNotEqualTo(429);
	}

	@Test
	void requestsWithAnApiTokenAreLimitedPerToken() {
		ApiClient admin = admin();
		String first = token(admin);
		String second = token(admin);
		ApiClient integration = client().withBearer(first);
		for (int i = 0; i < 5; i++) {
			assertThat(integration.get("/api/v1/session").status()).isEqualTo(200);
		}
		ApiClient.Response refused = integration.get("/api/v1/session");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().path("limit").asString()).isEqualTo("api-token");
		assertThat(client().withBearer(second).get("/api/v1/session").status()).as("another token").isEqualTo(200);
		assertThat(client().withBearer("pt_" + UUID.randomUUID()).get("/api/v1/session").status())
			.as("an unknown token is unauthenticated, not limited")
			.isEqualTo(401);
		this.clock.advance(Duration.ofSeconds(12));
		assertThat(integration.get("/api/v1/session").status()).isEqualTo(200);
	}

	@Test
	void refusalsAreCountedAndReportedWithTheClientAddress() {
		double before = refusedCount("sign-in");
		String address = address();
		for (int i = 0; i < 5; i++) {
			signIn(address, unique("nobody"));
		}
		assertThat(refusedCount("sign-in") - before).isEqualTo(2.0);
		assertThat(this.refusals.seen).contains(RateLimit.SIGN_IN + " " + address);
	}

	private double refusedCount(String policy) {
		return this.meters.get("parley.rate_limit.refused").tag("policy", policy).counter().count();
	}

	/** A client address of its own (TEST-NET-2), given through the loopback proxy. */
	private static String address() {
		int n = ADDRESSES.incrementAndGet();
		return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
	}

	private ApiClient.Response signIn(String address, String username) {
		return withCsrf(address).post("/api/v1/session", Map.of("username", username, "password", "Wrong-Passw0rd!"));
	}

	private ApiClient.Response reset(String address, String email) {
		return withCsrf(address).post("/api/v1/password-resets", Map.of("email", email));
	}

	/** A client from the address holding its CSRF cookie, as the sign-in page's. */
	private ApiClient withCsrf(String address) {
		ApiClient client = client().withHeader("X-Forwarded-For", address);
		client.get("/api/v1/session");
		return client;
	}

	private String channelKey(ApiClient admin) {
		ApiClient.Response channel = admin.post("/api/v1/channels", Map.of("kind", "website", "name", unique("Site"),
				"allowedOrigins", List.of("https://shop.example.com"), "greeting", "Hello!", "prechatEnabled", false));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		return channel.json().path("key").asString();
	}

	private ApiClient.Response arrive(String key, String address, String token) {
		return client().withHeader("X-Forwarded-For", address)
			.post("/api/v1/widget/channels/" + key + "/visitors", (token != null) ? Map.of("token", token) : Map.of());
	}

	/** A new visitor (arrived from an address of his own), sending his token. */
	private ApiClient visitor(String key) {
		ApiClient.Response arrived = arrive(key, address(), null);
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		return client().withHeader("X-Parley-Visitor", arrived.json().path("token").asString());
	}

	private static ApiClient.Response upload(ApiClient client, String path, int n) {
		return client.upload(path, "note-" + n + ".txt", ("note " + n).getBytes(), Map.of("clientId", "u" + n));
	}

	private String token(ApiClient admin) {
		ApiClient.Response created = admin.post("/api/v1/tokens", Map.of("name", unique("integration")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("token").asString();
	}

	/** Every refusal the seam reports, as "LIMIT address". */
	@TestConfiguration(proxyBeanMethods = false)
	static class RecordedRefusals {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@Bean
		RefusedRequests recordRefusals() {
			return (limit, address) -> this.seen.add(limit + " " + address);
		}

	}

}
