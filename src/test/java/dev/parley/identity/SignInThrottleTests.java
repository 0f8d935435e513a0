package dev.parley.identity;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins make further ones wait, counted per account name and per client
 * address, alike for names that exist and names that do not; nobody is locked out for
 * good, and the right password from a browser that signed in before passes. Each test
 * speaks from addresses of its own ({@code X-Forwarded-For} from the loopback proxy).
 */
class SignInThrottleTests extends IntegrationTest {

	private static final AtomicInteger addresses = new AtomicInteger();

	@Test
	void anExistingAndAnUnknownNameAreAnsweredAlikeOnceThrottled() {
		String known = unique("known");
		createUser(known, "agent");
		String unknown = unique("unknown");
		for (int i = 1; i <= 5; i++) {
			assertThat(from(newAddress()).login(known, "wrong-" + i).code()).isEqualTo("bad_credentials");
			assertThat(from(newAddress()).login(unknown, "wrong-" + i).code()).isEqualTo("bad_credentials");
		}
		// even the right password waits, from a browser the account has never seen
		ApiClient.Response knownAnswer = from(newAddress()).login(known, INITIAL_PASSWORD);
		ApiClient.Response unknownAnswer = from(newAddress()).login(unknown, INITIAL_PASSWORD);
		for (ApiClient.Response answer : List.of(knownAnswer, unknownAnswer)) {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
			assertThat(answer.code()).isEqualTo("sign_in_throttled");
			assertThat(answer.header("Retry-After")).isEqualTo("30");
			assertThat(answer.json().path("retryAfterSeconds").asInt()).isEqualTo(30);
		}
		assertThat(fieldNames(knownAnswer.json())).isEqualTo(fieldNames(unknownAnswer.json()))
			.contains("retryAt", "code", "detail");
		assertThat(knownAnswer.json().path("detail")).isEqualTo(unknownAnswer.json().path("detail"));
		assertThat(knownAnswer.json().path("retryAt")).isEqualTo(unknownAnswer.json().path("retryAt"));

		this.clock.advance(Duration.ofSeconds(31));
		assertThat(from(newAddress()).login(known, INITIAL_PASSWORD).status()).isEqualTo(200);
		ApiClient.Response audit = admin().get("/api/v1/audit-events?actor=" + known + "&limit=100");
		assertThat(audit.body()).contains("account.locked", "login.failed", "\"login\"");
	}

	@Test
	void eachFurtherFailureDoublesTheWaitUpToTheLongest() {
		String name = unique("backoff");
		for (int i = 1; i <= 5; i++) {
			from(newAddress()).login(name, "wrong");
		}
		List<Integer> waits = new java.util.ArrayList<>();
		for (int i = 0; i < 7; i++) {
			ApiClient.Response refused = from(newAddress()).login(name, "wrong");
			assertThat(refused.code()).isEqualTo("sign_in_throttled");
			int wait = refused.json().path("retryAfterSeconds").asInt();
			waits.add(wait);
			this.clock.advance(Duration.ofSeconds(wait));
			assertThat(from(newAddress()).login(name, "wrong").code()).isEqualTo("bad_credentials");
		}
		assertThat(waits).containsExactly(30, 60, 120, 240, 480, 900, 900);
	}

	@Test
	void aBrowserThatSignedInBeforePassesTheAccountsWait() {
		String username = unique("owner");
		createUser(username, "agent");
		ApiClient ownBrowser = from(newAddress());
		assertThat(ownBrowser.login(username, INITIAL_PASSWORD).status()).isEqualTo(200);
		assertThat(ownBrowser.cookie("PARLEY_DEVICE")).isNotBlank();
		assertThat(ownBrowser.delete("/api/v1/session").status()).isEqualTo(204);
		for (int i = 0; i < 6; i++) {
			from(newAddress()).login(username, "attacker-" + i);
		}
		assertThat(from(newAddress()).login(username, INITIAL_PASSWORD).code()).isEqualTo("sign_in_throttled");
		assertThat(ownBrowser.login(username, INITIAL_PASSWORD).status()).isEqualTo(200);
		ApiClient.Response audit = admin().get("/api/v1/audit-events?actor=" + username + "&action=login");
		assertThat(audit.body()).contains("known device");
	}

	@Test
	void aDeviceCookieOfAnotherAccountOrAlteredPassesNothing() {
		String owner = unique("owner");
		String victim = unique("victim");
		createUser(owner, "agent");
		createUser(victim, "agent");
		ApiClient browser = from(newAddress());
		assertThat(browser.login(owner, INITIAL_PASSWORD).status()).isEqualTo(200);
		String cookie = browser.cookie("PARLEY_DEVICE");
		for (int i = 0; i < 5; i++) {
			from(newAddress()).login(victim, "attacker-" + i);
			from(newAddress()).login(owner, "attacker-" + i);
		}
		String altered = cookie.substring(0, cookie.length() - 1) + (cookie.endsWith("A") ? "B" : "A");
		assertThat(withDeviceCookie(altered).login(owner, INITIAL_PASSWORD).code()).isEqualTo("sign_in_throttled");
		assertThat(withDeviceCookie(cookie).login(victim, INITIAL_PASSWORD).code()).isEqualTo("sign_in_throttled");
		assertThat(withDeviceCookie(cookie).login(owner, INITIAL_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void aKnownBrowserThatKeepsFailingIsKnownNoLonger() {
		String username = unique("stolen");
		createUser(username, "agent");
		ApiClient browser = from(newAddress());
		assertThat(browser.login(username, INITIAL_PASSWORD).status()).isEqualTo(200);
		assertThat(browser.delete("/api/v1/session").status()).isEqualTo(204);
		for (int i = 0; i < 5; i++) {
			assertThat(browser.login(username, "guess-" + i).code()).isEqualTo("bad_credentials");
		}
		assertThat(browser.login(username, INITIAL_PASSWORD).code()).isEqualTo("sign_in_throttled");
	}

	@Test
	void oneAddressCannotTryManyAccounts() {
		String address = newAddress();
		Set<String> tried = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			String name = unique("sprayed");
			tried.add(name);
			assertThat(from(address).login(name, "Spring2026!").code()).isEqualTo("bad_credentials");
		}
		String real = unique("real");
		createUser(real, "agent");
		ApiClient.Response refused = from(address).login(real, INITIAL_PASSWORD);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.code()).isEqualTo("sign_in_throttled");
		assertThat(from(newAddress()).login(real, INITIAL_PASSWORD).status()).isEqualTo(200);
		assertThat(admin().get("/api/v1/audit-events?action=address.throttled&limit=100").body()).contains(address);
		assertThat(tried).hasSize(20);
	}

	@Test
	void anAdministratorLiftsTheWait() {
		String username = unique("unlock");
		long id = createUser(username, "agent").path("id").asLong();
		for (int i = 0; i < 5; i++) {
			from(newAddress()).login(username, "wrong");
		}
		JsonNode user = admin().get("/api/v1/users/" + id).json();
		assertThat(user.path("locked").asBoolean()).isTrue();
		assertThat(user.path("lockedUntil").asString()).isNotBlank();
		assertThat(admin().post("/api/v1/users/" + id + "/unlock", Map.of()).status()).isEqualTo(204);
		assertThat(admin().get("/api/v1/users/" + id).json().path("locked").asBoolean()).isFalse();
		assertThat(from(newAddress()).login(username, INITIAL_PASSWORD).status()).isEqualTo(200);
	}

	/** A fresh browser that sends this device cookie with its sign-in. */
	private ApiClient withDeviceCookie(String cookie) {
		return from(newAddress()).withHeader("Cookie", "PARLEY_DEVICE=" + cookie);
	}

	/**
	 * Attempt by attempt, before, at and during the wait, with wrong and right passwords,
	 * a name that exists and one that does not get the same status, problem code, body
	 * fields, wait and headers (a disabled account too, while the password is wrong).
	 */
	@Test
	void everyAnswerIsTheSameForAKnownAnUnknownAndADisabledName() {
		String known = unique("known");
		createUser(known, "agent");
		String disabled = unique("disabled");
		long disabledId = createUser(disabled, "agent").path("id").asLong();
		assertThat(admin()
			.put("/api/v1/users/" + disabledId,
					java.util.Map.of("displayName", "Off", "roleId", roleId("agent"), "enabled", false))
			.status()).isEqualTo(200);
		String unknown = unique("unknown");
		for (int attempt = 1; attempt <= 8; attempt++) {
			String password = (attempt == 7) ? INITIAL_PASSWORD : "wrong-" + attempt;
			ApiClient.Response knownAnswer = from(newAddress()).login(known, password);
			ApiClient.Response unknownAnswer = from(newAddress()).login(unknown, password);
			List<ApiClient.Response> answers = new java.util.ArrayList<>(List.of(knownAnswer, unknownAnswer));
			if (attempt != 7) {
				answers.add(from(newAddress()).login(disabled, password));
			}
			for (ApiClient.Response answer : answers) {
				assertThat(answer.status()).as("attempt %d: %s", attempt, answer).isEqualTo(unknownAnswer.status());
				assertThat(answer.code()).isEqualTo(unknownAnswer.code());
				assertThat(fieldNames(answer.json())).isEqualTo(fieldNames(unknownAnswer.json()));
				assertThat(answer.json().path("detail")).isEqualTo(unknownAnswer.json().path("detail"));
				assertThat(answer.json().path("retryAt")).isEqualTo(unknownAnswer.json().path("retryAt"));
				assertThat(answer.header("Retry-After")).isEqualTo(unknownAnswer.header("Retry-After"));
				assertThat(cookieNames(answer)).isEqualTo(cookieNames(unknownAnswer));
			}
			assertThat(knownAnswer.code()).isEqualTo((attempt <= 5) ? "bad_credentials" : "sign_in_throttled");
		}
	}

	private static List<String> cookieNames(ApiClient.Response answer) {
		return answer.raw()
			.headers()
			.allValues("Set-Cookie")
			.stream()
			.map((cookie) -> cookie.substring(0, cookie.indexOf('=')))
			.sorted()
			.toList();
	}

	private static String newAddress() {
		int n = addresses.incrementAndGet();
		return "198.51." + ((n / 250) % 250) + "." + (1 + n % 250);
	}

	private static Set<String> fieldNames(JsonNode node) {
		Set<String> names = new HashSet<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
