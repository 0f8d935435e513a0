package dev.parley.identity;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member sees where he is signed in and ends any of those sessions; an
 * administrator does the same for any user. An ended session's next call is refused and
 * its sockets close; nobody learns of another user's sessions.
 */
class StaffSessionsTests extends IntegrationTest {

	private static final String OWN = "/api/v1/session/sessions";

	private static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	private static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
			+ "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

	@Test
	void aUserSeesHisSessionsWithDeviceAddressTimesAndWhichIsThisOne() {
		String username = user("agent");
		ApiClient desk = signIn(username, CHROME_ON_WINDOWS, "198.51.100.20");
		ApiClient phone = signIn(username, SAFARI_ON_IPHONE, "203.0.113.44");

		JsonNode sessions = desk.get(OWN).json();
		assertThat(sessions).hasSize(2);
		JsonNode mine = find(sessions, true);
		assertThat(mine.path("device").asString()).isEqualTo("Chrome on Windows");
		assertThat(mine.path("browser").asString()).isEqualTo("Chrome");
		assertThat(mine.path("system").asString()).isEqualTo("Windows");
		assertThat(mine.path("signInAddress").asString()).isEqualTo("198.51.100.20");
		assertThat(mine.path("lastAddress").asString()).isEqualTo("198.51.100.20");
		assertThat(mine.path("signedInAt").asString()).isNotBlank();
		assertThat(mine.path("lastUsedAt").asString()).isNotBlank();
		assertThat(mine.path("id").asString()).matches("[A-Za-z0-9_-]{22}");
		JsonNode other = find(sessions, false);
		assertThat(other.path("device").asString()).isEqualTo("Safari on iOS");
		assertThat(other.path("signInAddress").asString()).isEqualTo("203.0.113.44");
		// the session id, a credential, is never shown
		assertThat(sessions.toString()).doesNotContain(desk.cookie("PARLEY_SESSION"))
			.doesNotContain(phone.cookie("PARLEY_SESSION"));
		assertThat(find(phone.get(OWN).json(), true).path("id").asString()).isEqualTo(other.path("id").asString());
	}

	@Test
	void endingAnotherOfOnesSessionsSignsItOutAndClosesItsSocket() {
		String username = user("agent");
		ApiClient desk = signIn(username, CHROME_ON_WINDOWS, "198.51.100.21");
		ApiClient laptop = signIn(username, SAFARI_ON_IPHONE, "198.51.100.22");
		String laptopId = find(laptop.get(OWN).json(), true).path("id").asString();
		try (SocketClient socket = SocketClient.staff(this.port, laptop)) {
			socket.send(Map.of("type", "ping"));
			socket.expect("pong");
			ApiClient.Response ended = desk.delete(OWN + "/" + laptopId);
			assertThat(ended.status()).as(ended.toString()).isEqualTo(204);
			assertThat(socket.awaitClose()).isEqualTo(4403);
		}
		assertThat(laptop.get("/api/v1/session/sessions").status()).isEqualTo(401);
		assertThat(desk.get(OWN).json()).hasSize(1);
		assertThat(desk.delete(OWN + "/" + laptopId).status()).as("already ended").isEqualTo(404);
		JsonNode entry = admin().get("/api/v1/audit-events?actor=" + username).json().path("items").path(0);
		assertThat(entry.path("action").asString()).isEqualTo("session.ended");
		assertThat(entry.path("target").asString()).isEqualTo(username);
	}

	@Test
	void endingAllOtherSessionsKeepsThisOne() {
		String username = user("agent");
		ApiClient desk = signIn(username, CHROME_ON_WINDOWS, "198.51.100.23");
		ApiClient second = signIn(username, SAFARI_ON_IPHONE, "198.51.100.24");
		ApiClient third = signIn(username, null, "198.51.100.25");
		ApiClient.Response ended = desk.delete(OWN);
		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
		assertThat(ended.json().path("ended").asInt()).isEqualTo(2);
		assertThat(second.get("/api/v1/session").status()).isEqualTo(401);
		assertThat(third.get("/api/v1/session").status()).isEqualTo(401);
		assertThat(desk.get(OWN).json()).singleElement()
			.satisfies((only) -> assertThat(only.path("current").asBoolean()).isTrue());
	}

	@Test
	void endingThisSessionSignsThisBrowserOut() {
		ApiClient desk = signIn(user("agent"), CHROME_ON_WINDOWS, "198.51.100.26");
		String id = find(desk.get(OWN).json(), true).path("id").asString();
		assertThat(desk.delete(OWN + "/" + id).status()).isEqualTo(204);
		assertThat(desk.get("/api/v1/session").status()).isEqualTo(401);
	}

	@Test
	void anotherUsersSessionIsNotFoundAndStaysSignedIn() {
		ApiClient victim = signIn(user("agent"), CHROME_ON_WINDOWS, "198.51.100.27");
		String victimsId = find(victim.get(OWN).json(), true).path("id").asString();
		ApiClient stranger = signIn(user("supervisor"), CHROME_ON_WINDOWS, "198.51.100.28");

		ApiClient.Response refused = stranger.delete(OWN + "/" + victimsId);
		assertThat(refused.status()).as("not 403: nothing tells that it exists").isEqualTo(404);
		assertThat(refused.code()).isEqualTo("not_found");
		assertThat(stranger.delete(OWN + "/" + "AAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);
		assertThat(victim.get("/api/v1/session").status()).isEqualTo(200);
		assertThat(stranger.get(OWN).json().toString()).doesNotContain(victimsId);
	}

	@Test
	void malformedSessionIdsAreRefused() {
		ApiClient desk = signIn(user("agent"), CHROME_ON_WINDOWS, "198.51.100.29");
		for (String id : List.of("short", "A".repeat(23), "AAAAAAAAAAAAAAAAAAAA%2A%2A", "%20")) {
			ApiClient.Response refused = desk.delete(OWN + "/" + id);
			assertThat(refused.status()).as(id + ": " + refused).isEqualTo(400);
			assertThat(refused.code()).as(id).isEqualTo("malformed_session_id");
			assertThat(refused.json().path("detail").asString()).isNotBlank();
		}
		assertThat(desk.get("/api/v1/session").status()).isEqualTo(200);
	}

	@Test
	void signedOutSessionsAreNotListedAndSessionsNeedASignIn() {
		String username = user("agent");
		ApiClient desk = signIn(username, CHROME_ON_WINDOWS, "198.51.100.30");
		ApiClient gone = signIn(username, SAFARI_ON_IPHONE, "198.51.100.31");
		assertThat(gone.delete("/api/v1/session").status()).isEqualTo(204);
		assertThat(desk.get(OWN).json()).hasSize(1);
		assertThat(client().get(OWN).status()).isEqualTo(401);
		assertThat(client().delete(OWN).status()).isIn(401, 403);
	}

	@Test
	void anAdministratorListsAndEndsAUsersSessionsAudited() {
		String username = user("agent");
		long userId = idOf(username);
		ApiClient desk = signIn(username, CHROME_ON_WINDOWS, "198.51.100.32");
		ApiClient phone = signIn(username, SAFARI_ON_IPHONE, "198.51.100.33");
		ApiClient admin = admin();
		String sessions = "/api/v1/users/" + userId + "/sessions";

		JsonNode listed = admin.get(sessions).json();
		assertThat(listed).hasSize(2).allSatisfy((s) -> assertThat(s.path("current").asBoolean()).isFalse());
		String phoneId = find(phone.get(OWN).json(), true).path("id").asString();
		assertThat(admin.delete(sessions + "/" + phoneId).status()).isEqualTo(204);
		assertThat(phone.get("/api/v1/session").status()).isEqualTo(401);
		assertThat(desk.get("/api/v1/session").status()).isEqualTo(200);
		assertThat(audit(username, "user.session.ended")).isTrue();

		ApiClient.Response all = admin.delete(sessions);
		assertThat(all.status()).as(all.toString()).isEqualTo(200);
		assertThat(all.json().path("ended").asInt()).isEqualTo(1);
		assertThat(desk.get("/api/v1/session").status()).isEqualTo(401);
		assertThat(admin.get(sessions).json()).isEmpty();
		assertThat(audit(username, "user.sessions.ended")).isTrue();
		// the user signs in again as before
		assertThat(signIn(username, CHROME_ON_WINDOWS, "198.51.100.34").get("/api/v1/session").status()).isEqualTo(200);
	}

	@Test
	void onlyUserManageListsOrEndsAnotherUsersSessions() {
		String username = user("agent");
		long userId = idOf(username);
		ApiClient victim = signIn(username, CHROME_ON_WINDOWS, "198.51.100.35");
		String victimsId = find(victim.get(OWN).json(), true).path("id").asString();
		String sessions = "/api/v1/users/" + userId + "/sessions";
		for (String role : List.of("agent", "supervisor")) {
			ApiClient other = signIn(user(role), CHROME_ON_WINDOWS, "198.51.100.36");
			assertThat(other.get(sessions).status()).as(role).isEqualTo(403);
			assertThat(other.delete(sessions + "/" + victimsId).status()).as(role).isEqualTo(403);
			assertThat(other.delete(sessions).status()).as(role).isEqualTo(403);
		}
		assertThat(victim.get("/api/v1/session").status()).isEqualTo(200);
	}

	@Test
	void anAdministratorsBadInputsAreRefused() {
		ApiClient admin = admin();
		assertThat(admin.get("/api/v1/users/99999999/sessions").status()).isEqualTo(404);
		assertThat(admin.delete("/api/v1/users/99999999/sessions").status()).isEqualTo(404);
		assertThat(admin.get("/api/v1/users/not-a-number/sessions").status()).isEqualTo(400);
		String username = user("agent");
		ApiClient victim = signIn(username, CHROME_ON_WINDOWS, "198.51.100.37");
		String victimsId = find(victim.get(OWN).json(), true).path("id").asString();
		// the session of one user named under another
		long otherUser = idOf(user("agent"));
		assertThat(admin.delete("/api/v1/users/" + otherUser + "/sessions/" + victimsId).status()).isEqualTo(404);
		assertThat(admin.delete("/api/v1/users/" + idOf(username) + "/sessions/bad!").code())
			.isEqualTo("malformed_session_id");
		assertThat(victim.get("/api/v1/session").status()).isEqualTo(200);
	}

	private String user(String role) {
		String username = unique(role);
		createUser(username, role);
		ApiClient first = client();
		assertThat(first.login(username, INITIAL_PASSWORD).status()).isEqualTo(200);
		ApiClient.Response change = first.post("/api/v1/session/password",
				Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		assertThat(change.status()).as(change.toString()).isEqualTo(204);
		assertThat(first.delete("/api/v1/session").status()).isEqualTo(204);
		return username;
	}

	/** Signs in from a device and an address (the test is a trusted proxy: loopback). */
	private ApiClient signIn(String username, String userAgent, String address) {
		ApiClient client = client().withHeader("X-Forwarded-For", address);
		if (userAgent != null) {
			client = client.withHeader("User-Agent", userAgent);
		}
		ApiClient.Response login = client.login(username, OWN_PASSWORD);
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		return client;
	}

	private long idOf(String username) {
		return admin().get("/api/v1/users?q=" + username).json().path("items").path(0).path("id").asLong();
	}

	private boolean audit(String target, String action) {
		for (JsonNode entry : admin().get("/api/v1/audit-events?actor=" + ADMIN + "&action=" + action)
			.json()
			.path("items")) {
			if (entry.path("target").asString().equals(target)) {
				return true;
			}
		}
		return false;
	}

	private static JsonNode find(JsonNode sessions, boolean current) {
		for (JsonNode session : sessions) {
			if (session.path("current").asBoolean() == current) {
				return session;
			}
		}
		throw new AssertionError("no session with current=" + current + " in " + sessions);
	}

}
