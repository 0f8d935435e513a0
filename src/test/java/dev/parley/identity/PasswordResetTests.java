package dev.parley.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.parley.identity.StaffAccessChanged.Reason;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password reset from the sign-in page: one answer for every address, a link (its token
 * carried by {@link StaffPasswordResetRequested}) only for an enabled account within the
 * throttle's allowance; the token works once, until it expires; using it ends every
 * session of the account. Each test speaks from an address of its own
 * ({@code X-Forwarded-For} from the loopback proxy), so the per-address allowance of one
 * test does not spend another's.
 */
class PasswordResetTests extends IntegrationTest {

	private static final String RESETS = "/api/v1/password-resets";

	private static final String NEW_PASSWORD = "Reset-Chosen-Passw0rd!";

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.parley.platform.PersonalData personal;

	private final List<StaffPasswordResetRequested> requested = new CopyOnWriteArrayList<>();

	private final List<StaffAccessChanged> accessChanges = new CopyOnWriteArrayList<>();

	private final List<ApplicationListener<?>> listeners = new ArrayList<>();

	private String address;

	@BeforeEach
	void listen() {
		this.address = "10.77." + (addresses.incrementAndGet() / 250) + "." + (addresses.get() % 250 + 1);
		this.listeners
			.add(ApplicationListener.forPayload((StaffPasswordResetRequested event) -> this.requested.add(event)));
		this.listeners.add(ApplicationListener.forPayload((StaffAccessChanged event) -> this.accessChanges.add(event)));
		this.listeners.forEach(multicaster()::addApplicationListener);
	}

	@AfterEach
	void stopListening() {
		this.listeners.forEach(multicaster()::removeApplicationListener);
	}

	@Test
	void theLinkSetsANewPasswordOnceAndEndsEverySession() {
		Staff staff = staff();
		ApiClient other = signIn(staff.username(), OWN_PASSWORD);

		ApiClient.Response asked = ask(staff.email().toUpperCase(java.util.Locale.ROOT));
		assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
		StaffPasswordResetRequested event = onlyEventFor(staff.id());
		assertThat(event.email()).isEqualTo(staff.email());
		assertThat(event.displayName()).isEqualTo("User " + staff.username());
		assertThat(event.token()).hasSize(43);
		assertThat(event.expiresAt()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(30)));
		assertThat(event.toString()).doesNotContain(event.token());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM password_reset WHERE token_hash = ?")
			.param(event.token())
			.query(Long.class)
			.single()).as("only the hash is stored").isZero();

		ApiClient.Response confirmed = confirm(event.token(), NEW_PASSWORD);
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);
		for (ApiClient ended : List.of(staff.session(), other)) {
			assertThat(ended.get("/api/v1/session").status()).isEqualTo(401);
		}
		assertThat(this.accessChanges)
			.contains(StaffAccessChanged.of(java.util.Set.of(staff.id()), Reason.PASSWORD_RESET));
		assertThat(client().login(staff.username(), OWN_PASSWORD).status()).isEqualTo(401);
		ApiClient again = signIn(staff.username(), NEW_PASSWORD);
		assertThat(again.get("/api/v1/session").json().path("user").path("passwordChangeRequired").asBoolean())
			.isFalse();

		ApiClient.Response second = confirm(event.token(), "Another-Passw0rd!x");
		assertThat(second.status()).isEqualTo(400);
		assertThat(second.code()).isEqualTo("reset_token_invalid");
		assertThat(client().login(staff.username(), NEW_PASSWORD).status()).isEqualTo(200);

		String audit = admin().get("/api/v1/audit-events?limit=100&actor=" + staff.username()).body();
		assertThat(audit).contains("password.reset_requested", "password.reset");
	}

	@Test
	void theResetLinkIsEnqueuedAsAnEmailToTheStaffMember() {
		Staff staff = staff();
		ask(staff.email());
		StaffPasswordResetRequested event = onlyEventFor(staff.id());
		Eventually.until("the reset e-mail enqueued",
				() -> this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE staff_user_id = ?")
					.param(staff.id())
					.query(Long.class)
					.single() == 1);
		Map<String, Object> row = this.jdbc
			.sql("SELECT channel, recipient_sealed, audience, template, language, payload FROM notification "
					+ "WHERE staff_user_id = ?")
			.param(staff.id())
			.query()
			.singleRow();
		assertThat(this.personal.open((String) row.get("RECIPIENT_SEALED"))).isEqualTo(staff.email());
		row.put("PAYLOAD", this.personal.open((String) row.get("PAYLOAD")));
		assertThat(row).containsEntry("CHANNEL", "EMAIL")
			.containsEntry("AUDIENCE", "STAFF")
			.containsEntry("TEMPLATE", "staff-password-reset")
			.containsEntry("LANGUAGE", "en");
		assertThat(row.get("PAYLOAD").toString()).contains(
				"http://localhost:8080/console/reset-password#token=" + event.token(), "\"expiresInMinutes\":30",
				"User " + staff.username());
	}

	@Test
	void ofTwoConfirmationsAtOnceOnlyOneUsesTheLink() throws Exception {
		Staff staff = staff();
		ask(staff.email());
		String token = onlyEventFor(staff.id()).token();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				String password = NEW_PASSWORD + i;
				answers.add(pool.submit(() -> {
					ApiClient client = from();
					start.await();
					return confirm(client, token, password).status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (java.util.concurrent.Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(204, 400, 400, 400);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.accessChanges).filteredOn((change) -> change.reason() == Reason.PASSWORD_RESET).hasSize(1);
	}

	@Test
	void anExpiredLinkIsRefused() {
		Staff staff = staff();
		ask(staff.email());
		String token = onlyEventFor(staff.id()).token();
		this.clock.advance(Duration.ofMinutes(31));
		ApiClient.Response late = confirm(token, NEW_PASSWORD);
		assertThat(late.status()).isEqualTo(400);
		assertThat(late.code()).isEqualTo("reset_token_invalid");
		assertThat(staff.session().get("/api/v1/session").status()).isEqualTo(200);
	}

	@Test
	void theLinkOfAnAccountDisabledSinceIsRefused() {
		Staff staff = staff();
		ask(staff.email());
		String token = onlyEventFor(staff.id()).token();
		assertThat(admin()
			.put("/api/v1/users/" + staff.id(),
					Map.of("displayName", "Gone", "email", staff.email(), "roleId", roleId("agent"), "enabled", false))
			.status()).isEqualTo(200);
		assertThat(confirm(token, NEW_PASSWORD).code()).isEqualTo("reset_token_invalid");
	}

	@Test
	void aNewerLinkEndsTheOlderOne() {
		Staff staff = staff();
		ask(staff.email());
		ask(staff.email());
		assertThat(this.requested).hasSize(2);
		assertThat(confirm(this.requested.get(0).token(), NEW_PASSWORD).code()).isEqualTo("reset_token_invalid");
		assertThat(confirm(this.requested.get(1).token(), NEW_PASSWORD).status()).isEqualTo(204);
	}

	@Test
	void unknownDisabledAndKnownAddressesGetTheSameAnswerButOnlyTheKnownOneALink() {
		Staff enabled = staff();
		Staff disabled = staff();
		ApiClient.Response update = admin().put("/api/v1/users/" + disabled.id(),
				Map.of("displayName", "Gone", "email", disabled.email(), "roleId", roleId("agent"), "enabled", false));
		assertThat(update.status()).as(update.toString()).isEqualTo(200);

		ApiClient.Response known = ask(enabled.email());
		ApiClient.Response unknown = ask(unique("nobody") + "@example.com");
		ApiClient.Response off = ask(disabled.email());
		for (ApiClient.Response response : List.of(known, unknown, off)) {
			assertThat(response.status()).isEqualTo(202);
			assertThat(response.body()).isEqualTo(known.body());
		}
		eventsHandled();
		assertThat(this.requested).extracting(StaffPasswordResetRequested::userId).containsExactly(enabled.id());
	}

	@Test
	void requestsBeyondTheAllowanceAreAnsweredAlikeButSendNothing() {
		Staff staff = staff();
		for (int i = 0; i < 4; i++) {
			assertThat(ask(staff.email()).status()).isEqualTo(202);
		}
		assertThat(this.requested).as("three per address in a run").hasSize(3);

		Staff other = staff();
		for (int i = 0; i < 20; i++) {
			assertThat(ask(unique("probe") + "@example.com").status()).isEqualTo(202);
		}
		assertThat(ask(other.email()).status()).isEqualTo(202);
		assertThat(this.requested).as("twenty per client address in a run").hasSize(3);

		this.clock.advance(Duration.ofMinutes(61));
		ask(other.email());
		assertThat(this.requested).as("forgotten after an hour without one").hasSize(4);
	}

	@Test
	void theNewPasswordMeetsThePolicyAndTheLinkStillWorksAfterARefusal() {
		Staff staff = staff();
		ask(staff.email());
		String token = onlyEventFor(staff.id()).token();
		ApiClient.Response weak = confirm(token, "short");
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.code()).isEqualTo("password_policy");
		ApiClient.Response reused = confirm(token, OWN_PASSWORD);
		assertThat(reused.code()).isEqualTo("password_policy");
		assertThat(reused.json().path("violations").toString()).contains("reused");
		assertThat(staff.session().get("/api/v1/session").status()).isEqualTo(200);
		assertThat(confirm(token, NEW_PASSWORD).status()).isEqualTo(204);
	}

	@Test
	void theLinkLiftsTheSignInWait() {
		Staff staff = staff();
		for (int i = 0; i < 6; i++) {
			from().login(staff.username(), "wrong-" + i);
		}
		assertThat(from().login(staff.username(), OWN_PASSWORD).code()).isEqualTo("sign_in_throttled");
		ask(staff.email());
		assertThat(confirm(onlyEventFor(staff.id()).token(), NEW_PASSWORD).status()).isEqualTo(204);
		assertThat(from().login(staff.username(), NEW_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void badInputIsRefusedWithAProblem() {
		for (Object body : List.of(Map.of(), Map.of("email", ""), Map.of("email", "not-an-address"),
				Map.of("email", "a@b"), Map.of("email", "two words@example.com"),
				Map.of("email", "x@example.com\r\nBcc: victim@example.com"),
				Map.of("email", "a".repeat(300) + "@example.com"), Map.of("email", List.of("x@example.com")))) {
			ApiClient.Response response = from().post(RESETS, body);
			assertThat(response.status()).as(body.toString()).isEqualTo(400);
			assertThat(response.code()).isNotBlank();
		}
		assertThat(from().sendRaw("POST", RESETS, "{\"email\":", "application/json").status()).isEqualTo(400);
		assertThat(from().sendRaw("POST", RESETS, "{\"email\":\"" + "x".repeat(2_000_000) + "\"}", "application/json")
			.status()).isIn(400, 413);
		for (Object body : List.of(Map.of(), Map.of("token", "abc"), Map.of("password", NEW_PASSWORD),
				Map.of("token", "not a token!", "password", NEW_PASSWORD),
				Map.of("token", "x".repeat(101), "password", NEW_PASSWORD),
				Map.of("token", "abc", "password", "x".repeat(129)))) {
			ApiClient.Response response = from().post(RESETS + "/confirm", body);
			assertThat(response.status()).as(body.toString()).isEqualTo(400);
			assertThat(response.code()).isNotBlank();
		}
		ApiClient.Response unknown = from().post(RESETS + "/confirm",
				Map.of("token", "A".repeat(43), "password", NEW_PASSWORD));
		assertThat(unknown.code()).isEqualTo("reset_token_invalid");
		ApiClient.Response chinese = from().withHeader("Accept-Language", "zh-CN")
			.post(RESETS + "/confirm", Map.of("token", "A".repeat(43), "password", NEW_PASSWORD));
		assertThat(chinese.json().path("title").asString() + chinese.json().path("detail").asString()).contains("链接");
		eventsHandled();
		assertThat(this.requested).isEmpty();
	}

	@Test
	void onlyTheResetCallsAreOpenWithoutASession() {
		assertThat(from().get(RESETS).status()).isIn(401, 405);
		assertThat(from().get(RESETS + "/policy").json().path("minLength").asInt()).isEqualTo(10);
		assertThat(from().get("/api/v1/me/profile").status()).isEqualTo(401);
		assertThat(from().put("/api/v1/me/profile", Map.of("displayName", "X")).status()).isEqualTo(401);
		assertThat(client().withoutCsrf().post(RESETS, Map.of("email", "x@example.com")).code())
			.isEqualTo("csrf_refused");
	}

	private StaffPasswordResetRequested onlyEventFor(long userId) {
		assertThat(this.requested).extracting(StaffPasswordResetRequested::userId).containsExactly(userId);
		return this.requested.get(0);
	}

	private ApiClient.Response ask(String email) {
		return from().post(RESETS, Map.of("email", email));
	}

	private ApiClient.Response confirm(String token, String password) {
		return confirm(from(), token, password);
	}

	private static ApiClient.Response confirm(ApiClient client, String token, String password) {
		return client.post(RESETS + "/confirm", Map.of("token", token, "password", password));
	}

	/** A browser without a session (but with its CSRF cookie) at this test's address. */
	private ApiClient from() {
		ApiClient client = client().withHeader("X-Forwarded-For", this.address);
		client.get("/api/v1/session");
		return client;
	}

	private ApiClient signIn(String username, String password) {
		ApiClient client = client();
		ApiClient.Response response = client.login(username, password);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return client;
	}

	record Staff(long id, String username, String email, ApiClient session) {
	}

	private Staff staff() {
		String username = unique("reset");
		JsonNode user = createUser(username, "agent");
		ApiClient session = signIn(username, INITIAL_PASSWORD);
		assertThat(session
			.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD))
			.status()).isEqualTo(204);
		return new Staff(user.path("id").asLong(), username, username + "@example.com", session);
	}

	private ApplicationEventMulticaster multicaster() {
		return this.context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
				ApplicationEventMulticaster.class);
	}

}
