package dev.parley.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every signed-in staff member edits their own profile (and nobody else's); what other
 * modules need to reach them is in {@link StaffDirectory#contact}.
 */
class OwnProfileTests extends IntegrationTest {

	private static final String PROFILE = "/api/v1/me/profile";

	@Autowired
	StaffDirectory directory;

	@Test
	void anAgentChangesHisOwnProfileAndOthersModulesSeeIt() {
		ApiClient agent = signedInAs("agent");
		ApiClient.Response before = agent.get(PROFILE);
		assertThat(before.status()).isEqualTo(200);
		String username = before.json().path("username").asString();
		assertThat(before.json().path("language").isNull()).isTrue();

		ApiClient.Response withoutPassword = agent.put(PROFILE,
				Map.of("displayName", "Lin Mei", "email", "lin@example.com"));
		assertThat(withoutPassword.code()).as("a new address needs the password").isEqualTo("wrong_current_password");
		assertThat(agent
			.put(PROFILE,
					Map.of("displayName", "Lin Mei", "email", "lin@example.com", "currentPassword", "not-my-password"))
			.code()).isEqualTo("wrong_current_password");
		assertThat(agent.get(PROFILE).json().path("email").asString()).isNotEqualTo("lin@example.com");
		ApiClient.Response saved = agent.put(PROFILE, Map.of("displayName", "  Lin Mei ", "email", "lin@example.com",
				"phone", "+86 138 0000 0000", "language", "zh-CN", "currentPassword", OWN_PASSWORD));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().path("displayName").asString()).isEqualTo("Lin Mei");
		assertThat(agent.get(PROFILE).json().path("language").asString()).isEqualTo("zh-CN");
		assertThat(agent.get("/api/v1/session").json().path("user").path("displayName").asString())
			.isEqualTo("Lin Mei");

		long id = agent.get("/api/v1/session").json().path("user").path("id").asLong();
		StaffDirectory.StaffContact contact = this.directory.contact(id).orElseThrow();
		assertThat(contact).isEqualTo(
				new StaffDirectory.StaffContact(id, "Lin Mei", "lin@example.com", "+86 138 0000 0000", "zh-CN", true));
		assertThat(this.directory.contacts(List.of(id, -1L))).containsOnlyKeys(id);

		Map<String, Object> cleared = new HashMap<>();
		cleared.put("displayName", "Lin Mei");
		cleared.put("email", "");
		cleared.put("currentPassword", OWN_PASSWORD);
		cleared.put("phone", null);
		cleared.put("language", null);
		assertThat(agent.put(PROFILE, cleared).status()).isEqualTo(200);
		assertThat(this.directory.contact(id).orElseThrow().email()).isNull();
		assertThat(this.directory.contact(id).orElseThrow().language()).isNull();

		assertThat(admin().get("/api/v1/audit-events?action=profile.updated&actor=" + username).body())
			.contains("e-mail", "language");
	}

	@Test
	void badInputIsRefusedAndChangesNothing() {
		ApiClient agent = signedInAs("agent");
		String before = agent.get(PROFILE).body();
		for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of(), Map.of("displayName", " "),
				Map.of("displayName", "x".repeat(101)), Map.of("displayName", "X", "email", "not-an-address"),
				Map.of("displayName", "X", "email", "a@b"), Map.of("displayName", "X", "email", "a b@example.com"),
				Map.of("displayName", "X", "email", "x@example.com\nBcc: y@example.com"),
				Map.of("displayName", "X", "phone", "call me"), Map.of("displayName", "X", "phone", "1".repeat(33)),
				Map.of("displayName", "X", "language", "fr"), Map.of("displayName", "X", "language", "zh"),
				Map.of("displayName", List.of("X")))) {
			ApiClient.Response response = agent.put(PROFILE, body);
			assertThat(response.status()).as(body.toString()).isEqualTo(400);
			assertThat(response.code()).isNotBlank();
		}
		assertThat(
				agent.sendRaw("PUT", PROFILE, "{\"displayName\":\"" + "x".repeat(2_000_000) + "\"}", "application/json")
					.status())
			.isIn(400, 413);
		ApiClient.Response chinese = agent.withHeader("Accept-Language", "zh-CN")
			.put(PROFILE, Map.of("displayName", "X", "language", "fr"));
		assertThat(chinese.body()).contains("必须是");
		assertThat(agent.get(PROFILE).body()).isEqualTo(before);
	}

	@Test
	void nobodyEditsSomeoneElsesProfileThroughIt() {
		ApiClient agent = signedInAs("agent");
		ApiClient.Response attempt = agent.put(PROFILE + "/1", Map.of("displayName", "Hacked"));
		assertThat(attempt.status()).isIn(404, 405);
		assertThat(agent.put("/api/v1/users/1", Map.of("displayName", "Hacked", "roleId", 1, "enabled", true)).status())
			.isEqualTo(403);
		assertThat(admin().get("/api/v1/session").json().path("user").path("displayName").asString())
			.isEqualTo("Ada Admin");
		assertThat(client().get(PROFILE).code()).isEqualTo("unauthenticated");
	}

}
