package dev.parley.operations;

import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Manual maintenance mode over HTTP: who may switch it, what bad input gets, and what
 * everyone else sees while it is on (writes refused with 503 and Retry-After, reads and
 * signing in go on) and after.
 */
class MaintenanceApiTests extends IntegrationTest {

	private static final String SWITCH = "/api/v1/operations/maintenance";

	@AfterEach
	void leaveMaintenance() {
		ApiClient admin = admin();
		if (admin.get("/api/v1/maintenance").json().path("active").asBoolean()) {
			assertThat(admin.delete(SWITCH + "?force=true").status()).isEqualTo(200);
		}
	}

	@Test
	void refusesBadInputAndUsersWithoutSystemUpgrade() {
		ApiClient agent = signedInAs("agent");
		ApiClient.Response refused = agent.post(SWITCH, Map.of("message", "Upgrade"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("forbidden");
		assertThat(agent.delete(SWITCH).status()).isEqualTo(403);
		assertThat(agent.get(SWITCH).status()).isEqualTo(403);
		assertThat(agent.get("/api/v1/operations/nodes").status()).isEqualTo(403);
		assertThat(client().get(SWITCH).status()).isEqualTo(401);
		assertThat(client().post(SWITCH, Map.of()).status()).as("no session, no CSRF token").isIn(401, 403);

		ApiClient admin = admin();
		ApiClient.Response tooLong = admin.post(SWITCH, Map.of("message", "x".repeat(501)));
		assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
		assertThat(tooLong.json().path("errors").get(0).path("field").asString()).isEqualTo("message");
		ApiClient.Response control = admin.post(SWITCH, Map.of("message", "bell\u0007"));
		assertThat(control.status()).as(control.toString()).isEqualTo(400);
		ApiClient.Response malformed = admin.sendRaw("POST", SWITCH, "{\"message\":", "application/json");
		assertThat(malformed.status()).isEqualTo(400);
		ApiClient.Response notActive = admin.delete(SWITCH);
		assertThat(notActive.status()).as(notActive.toString()).isEqualTo(409);
		assertThat(notActive.code()).isEqualTo("maintenance_not_active");
		assertThat(client().get("/api/v1/maintenance").json().path("active").asBoolean()).isFalse();
	}

	@Test
	void refusesWritesWith503WhileActiveAndAcceptsThemAfter() {
		ApiClient support = signedInAs("support");
		ApiClient.Response entered = support.post(SWITCH, Map.of("message", "Database upgrade until 22:00"));
		assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
		assertThat(entered.json().path("reason").asString()).isEqualTo("UPGRADE");
		assertThat(entered.json().path("by").asString()).isNotBlank();

		JsonNode state = client().get("/api/v1/maintenance").json();
		assertThat(state.path("active").asBoolean()).isTrue();
		assertThat(state.path("reason").asString()).isEqualTo("UPGRADE");
		assertThat(state.path("message").asString()).isEqualTo("Database upgrade until 22:00");
		assertThat(state.path("by").isNull()).as("who began it is not public").isTrue();

		ApiClient admin = admin();
		Map<String, Object> user = Map.of("username", unique("late"), "displayName", "Late", "email",
				unique("late") + "@example.com", "roleId", roleId("agent"), "password", INITIAL_PASSWORD);
		ApiClient.Response write = admin.post("/api/v1/users", user);
		assertThat(write.status()).as(write.toString()).isEqualTo(503);
		assertThat(write.code()).isEqualTo("maintenance");
		assertThat(write.header("Retry-After")).isEqualTo("60");
		assertThat(write.json().path("detail").asString())
			.isEqualTo("Parley is being upgraded; please try again in a few minutes.");
		assertThat(write.json().path("reason").asString()).isEqualTo("UPGRADE");
		ApiClient.Response chinese = admin().withHeader("Accept-Language", "zh-CN").post("/api/v1/users", user);
		assertThat(chinese.status()).isEqualTo(503);
		assertThat(chinese.json().path("detail").asString()).isEqualTo("Parley 正在升级，请几分钟后再试。");
		assertThat(admin.get("/api/v1/users").status()).as("reads go on").isEqualTo(200);

		ApiClient.Response twice = admin.post(SWITCH, Map.of());
		assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
		assertThat(twice.code()).isEqualTo("maintenance_active");

		ApiClient.Response ended = admin.delete(SWITCH);
		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
		assertThat(ended.json().path("active").asBoolean()).isFalse();
		assertThat(client().get("/api/v1/maintenance").json().path("active").asBoolean()).isFalse();
		ApiClient.Response accepted = admin.post("/api/v1/users", user);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);

		JsonNode audit = admin.get("/api/v1/audit-events?limit=50").json();
		assertThat(audit.toString()).contains("maintenance.entered", "maintenance.ended");
	}

	@Test
	void anAdministratorCanSignInDuringMaintenanceAndEndIt() {
		ApiClient.Response entered = admin().post(SWITCH, Map.of());
		assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
		ApiClient fresh = client();
		assertThat(fresh.login(ADMIN, ADMIN_PASSWORD).status()).isEqualTo(200);
		assertThat(fresh.delete(SWITCH).status()).isEqualTo(200);
	}

	@Test
	void listsTheNodesWithTheirVersions() {
		JsonNode nodes = signedInAs("support").get("/api/v1/operations/nodes").json();
		String self = nodes.path("thisNode").asString();
		assertThat(self).isNotBlank();
		assertThat(nodes.path("mixedVersions").asBoolean()).isFalse();
		assertThat(nodes.path("nodes").toString()).contains(self);
		for (JsonNode node : nodes.path("nodes")) {
			if (node.path("id").asString().equals(self)) {
				assertThat(node.path("alive").asBoolean()).isTrue();
				assertThat(node.path("version").asString()).isNotBlank();
				assertThat(node.path("host").asString()).isNotBlank();
			}
		}
	}

}
