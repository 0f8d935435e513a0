package dev.parley.administration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsAndAuditTests extends IntegrationTest {

	@Autowired
	List<SettingDefinitions> settingDefinitions;

	@Test
	void everySettingHasALabelAndAHelpTextInEveryLanguage() {
		List<String> keys = this.settingDefinitions.stream()
			.flatMap((definitions) -> definitions.definitions().stream())
			.map(SettingDefinition::key)
			.toList();
		assertThat(keys).contains("organisation.name", "chat.offerMessageAfterSeconds");
		for (String bundle : ConsoleLabelTests.BUNDLES) {
			Properties texts = ConsoleLabelTests.bundle(bundle);
			List<String> missing = keys.stream()
				.flatMap((key) -> Stream.of("setting." + key, "setting." + key + ".help"))
				.filter((text) -> texts.getProperty(text, "").isBlank())
				.toList();
			assertThat(missing).as("setting texts missing in %s", bundle).isEmpty();
		}
	}

	@Test
	void administratorChangesPolicySettingsAllOrNothing() {
		ApiClient admin = admin();
		JsonNode settings = admin.get("/api/v1/settings").json();
		assertThat(settings.toString()).contains("password.minLength", "login.maxFailures", "organisation.timeZone");

		ApiClient.Response mixed = admin.put("/api/v1/settings",
				Map.of("password.minLength", "12", "login.maxFailures", "0"));
		assertThat(mixed.status()).isEqualTo(400);
		assertThat(mixed.code()).isEqualTo("validation_failed");
		assertThat(value(admin, "password.minLength")).isEqualTo("10");

		assertThat(admin.put("/api/v1/settings", Map.of("no.such", "1")).code()).isEqualTo("unknown_setting");
		assertThat(admin.put("/api/v1/settings", Map.of("organisation.timeZone", "Moon/Base")).code())
			.isEqualTo("validation_failed");
		assertThat(admin.put("/api/v1/settings", Map.of("organisation.language", "de")).code())
			.isEqualTo("validation_failed");
		assertThat(admin.put("/api/v1/settings", Map.of("password.minLength", "ten")).code())
			.isEqualTo("validation_failed");
		assertThat(admin.put("/api/v1/settings", "[1,2]").code()).isEqualTo("malformed_request");

		ApiClient.Response changed = admin.put("/api/v1/settings", Map.of("password.minLength", " 14 "));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		try {
			assertThat(value(admin, "password.minLength")).isEqualTo("14");
			ApiClient.Response tooShort = admin.post("/api/v1/users", Map.of("username", unique("p"), "displayName",
					"P", "roleId", roleId("agent"), "password", "Abcdef-1234"));
			assertThat(tooShort.json().path("violations").toString()).contains("min_length");
			assertThat(admin.get("/api/v1/audit-events?action=settings.changed").body()).contains("password.minLength");
		}
		finally {
			admin.put("/api/v1/settings", Map.of("password.minLength", "10"));
		}
	}

	@Test
	void settingsRefuseUsersWithoutSettingsManage() {
		ApiClient support = signedInAs("support");
		assertThat(support.get("/api/v1/settings").status()).isEqualTo(403);
		assertThat(support.put("/api/v1/settings", Map.of("login.maxFailures", "100")).status()).isEqualTo(403);
		assertThat(value(admin(), "login.maxFailures")).isEqualTo("5");
	}

	@Test
	void auditLogFiltersByActorActionAndTimeAndPagesByCursor() {
		String username = unique("audited");
		createUser(username, "agent");
		for (int i = 0; i < 3; i++) {
			client().login(username, "wrong-" + i);
		}
		ApiClient support = signedInAs("support");
		JsonNode failures = support.get("/api/v1/audit-events?actor=" + username + "&action=login.failed").json();
		assertThat(failures.path("items").size()).isEqualTo(3);
		JsonNode first = failures.path("items").get(0);
		assertThat(first.path("result").asString()).isEqualTo("failure");
		assertThat(first.path("ip").asString()).isEqualTo("127.0.0.1");
		assertThat(first.path("occurredAt").asString()).endsWith("Z");

		JsonNode page1 = support.get("/api/v1/audit-events?actor=" + username + "&limit=2").json();
		assertThat(page1.path("items").size()).isEqualTo(2);
		String cursor = page1.path("nextCursor").asString();
		JsonNode page2 = support.get("/api/v1/audit-events?actor=" + username + "&limit=2&before=" + cursor).json();
		assertThat(page2.path("items").size()).isGreaterThanOrEqualTo(1);
		assertThat(page2.path("items").get(0).path("id").asLong())
			.isLessThan(page1.path("items").get(1).path("id").asLong());

		String future = this.clock.instant().plusSeconds(3600).toString();
		assertThat(
				support.get("/api/v1/audit-events?actor=" + username + "&from=" + future).json().path("items").size())
			.isZero();
		String past = Instant.EPOCH.toString();
		assertThat(support.get("/api/v1/audit-events?to=" + past).json().path("items").size()).isZero();
		assertThat(support.get("/api/v1/audit-events/actions").body()).contains("login.failed");

		assertThat(signedInAs("agent").get("/api/v1/audit-events").status()).isEqualTo(403);
	}

	private static String value(ApiClient admin, String key) {
		for (JsonNode setting : admin.get("/api/v1/settings").json()) {
			if (setting.path("key").asString().equals(key)) {
				return setting.path("value").asString();
			}
		}
		throw new IllegalArgumentException(key);
	}

	/**
	 * Audit details reach people in their language: permission codes as labels, lists
	 * joined, empty parts left out, built-in roles by name, instants in the
	 * organisation's zone; no English sentence, no ISO instant, no brackets left in
	 * either Chinese script.
	 */
	@Test
	void auditDetailsAreTranslatedAndFormatted() {
		ApiClient admin = admin();
		String role = unique("qa");
		long roleId = admin.post("/api/v1/roles", Map.of("name", role, "permissions", List.of("conversation.view")))
			.json()
			.path("id")
			.asLong();
		assertThat(admin.put("/api/v1/roles/" + roleId, Map.of("name", role, "permissions", List.of("team.view")))
			.status()).isEqualTo(200);
		String agent = unique("agent");
		long agentId = createUser(agent, "agent").path("id").asLong();
		assertThat(admin
			.put("/api/v1/users/" + agentId + "/permissions",
					Map.of("granted", List.of("team.view"), "revoked", List.of()))
			.status()).isEqualTo(200);
		assertThat(admin
			.put("/api/v1/users/" + agentId,
					Map.of("displayName", "A", "roleId", roleId("supervisor"), "enabled", false))
			.status()).isEqualTo(200);
		ApiClient stranger = client().withHeader("X-Forwarded-For", "203.0.113.77");
		for (int i = 0; i < 5; i++) {
			stranger.login(agent, "wrong-" + i);
		}
		stranger.login(agent, "wrong-again");

		ApiClient english = admin();
		assertThat(details(english, role, agent).values()).anySatisfy(
				(text) -> assertThat(text).isEqualTo("added View agents and teams; removed View own conversations"));
		for (String language : List.of("zh-CN", "zh-TW")) {
			Map<String, String> details = details(admin().withHeader("Accept-Language", language), role, agent);
			assertThat(details).as("details in %s", language).hasSizeGreaterThanOrEqualTo(6);
			details.forEach((raw, text) -> assertThat(text).as("%s: %s", language, raw)
				.doesNotContainPattern("[A-Za-z]{2,} [A-Za-z]{2,}")
				.doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT")
				.doesNotContain("[", "]"));
		}
	}

	/** The details of the audit entries about a role and a user, raw to translated. */
	private static Map<String, String> details(ApiClient reader, String role, String user) {
		Map<String, String> details = new java.util.LinkedHashMap<>();
		for (JsonNode entry : reader.get("/api/v1/audit-events?limit=200").json().path("items")) {
			String target = entry.path("target").asString("");
			if ((target.equals(role) || target.equals(user)) && !entry.path("detail").isNull()) {
				details.put(entry.path("detail").asString(), entry.path("detailText").asString());
			}
		}
		return details;
	}

}
