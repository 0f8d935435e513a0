package dev.parley.identity;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class RoleAndTokenTests extends IntegrationTest {

	@Test
	void defaultRolesCarryTheRightsOfTheGuide() {
		Map<String, JsonNode> roles = new java.util.HashMap<>();
		admin().get("/api/v1/roles").json().forEach((role) -> roles.put(role.path("name").asString(), role));
		assertThat(roles).containsKeys("administrator", "supervisor", "agent", "support");
		assertThat(roles.get("administrator").path("permissions").size()).isEqualTo(Permissions.all().size());
		assertThat(roles.get("agent").path("permissions").toString())
			.contains("conversation.view", "conversation.reply", "conversation.transfer")
			.doesNotContain("user.");
		assertThat(roles.get("supervisor").path("permissions").toString()).contains("team.assign",
				"agent.permissions.adjust", "conversation.monitor", "team.view");
		assertThat(roles.get("support").path("permissions").toString()).contains("system.monitor")
			.doesNotContain("user.manage");
		// the security screen is the administrator's (V26)
		assertThat(roles.get("administrator").path("permissions").toString()).contains("security.manage");
		assertThat(roles.get("supervisor").path("permissions").toString()).doesNotContain("security.manage");
		assertThat(roles.get("support").path("permissions").toString()).doesNotContain("security.manage");
	}

	@Test
	void permissionCatalogueListsEveryModuleWithItsPermissions() {
		JsonNode catalogue = admin().get("/api/v1/permissions").json();
		Map<String, String> modules = new java.util.LinkedHashMap<>();
		catalogue
			.forEach((module) -> modules.put(module.path("module").asString(), module.path("permissions").toString()));
		assertThat(modules.keySet()).containsExactly("conversations", "agents", "customers", "tickets", "analytics",
				"administration", "operations");
		assertThat(modules.get("analytics")).contains("statistics.view", "statistics.view_all");
		assertThat(modules.get("administration")).contains("user.view", "user.manage", "role.manage", "audit.view",
				"security.manage");
	}

	@Test
	void administratorCreatesEditsAndDeletesARole() {
		ApiClient admin = admin();
		String name = unique("Quality team");
		ApiClient.Response created = admin.post("/api/v1/roles",
				Map.of("name", name, "description", "QA", "permissions", List.of("conversation.monitor")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		ApiClient.Response updated = admin.put("/api/v1/roles/" + id,
				Map.of("name", name, "description", "QA", "permissions", List.of("conversation.monitor", "team.view")));
		assertThat(updated.json().path("permissions").toString()).contains("team.view");

		assertThat(admin.post("/api/v1/roles", Map.of("name", name, "permissions", List.of())).code())
			.isEqualTo("duplicate_role");
		assertThat(admin.post("/api/v1/roles", Map.of("name", "x", "permissions", List.of("made.up"))).code())
			.isEqualTo("unknown_permission");
		// permissions of modules still to come are not in the catalogue and cannot be
		// granted
		for (String notYet : List.of("ticket.handle")) {
			ApiClient.Response refused = admin.post("/api/v1/roles",
					Map.of("name", unique("x"), "permissions", List.of(notYet)));
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.code()).isEqualTo("unknown_permission");
		}
		assertThat(admin.post("/api/v1/roles", Map.of("name", "", "permissions", List.of())).code())
			.isEqualTo("validation_failed");
		assertThat(admin.post("/api/v1/roles", Map.of("name", "x", "permissions", "all")).code())
			.isEqualTo("malformed_request");

		String holder = unique("holder");
		ApiClient.Response user = admin.post("/api/v1/users",
				Map.of("username", holder, "displayName", "H", "roleId", id, "password", INITIAL_PASSWORD));
		assertThat(user.status()).isEqualTo(201);
		assertThat(admin.delete("/api/v1/roles/" + id).code()).isEqualTo("conflict");
		assertThat(admin.delete("/api/v1/users/" + user.json().path("id").asLong()).status()).isEqualTo(204);
		assertThat(admin.delete("/api/v1/roles/" + id).status()).isEqualTo(204);

		long agentRole = roleId("agent");
		assertThat(admin.delete("/api/v1/roles/" + agentRole).code()).isEqualTo("conflict");
		long administratorRole = roleId("administrator");
		ApiClient.Response shrink = admin.put("/api/v1/roles/" + administratorRole,
				Map.of("name", "administrator", "permissions", List.of()));
		assertThat(shrink.json().path("permissions").size()).isEqualTo(Permissions.all().size());
		assertThat(admin.get("/api/v1/audit-events?action=role.created").body()).contains(name);
	}

	@Test
	void roleChangesTakeEffectOnTheNextRequest() {
		ApiClient agent = signedInAs("agent");
		assertThat(agent.get("/api/v1/audit-events").status()).isEqualTo(403);
		ApiClient admin = admin();
		long agentRole = roleId("agent");
		List<String> permissions = new java.util.ArrayList<>();
		for (JsonNode role : admin.get("/api/v1/roles").json()) {
			if (role.path("id").asLong() == agentRole) {
				role.path("permissions").forEach((p) -> permissions.add(p.asString()));
			}
		}
		List<String> more = new java.util.ArrayList<>(permissions);
		more.add("audit.view");
		assertThat(admin.put("/api/v1/roles/" + agentRole, Map.of("name", "agent", "permissions", more)).status())
			.isEqualTo(200);
		try {
			assertThat(agent.get("/api/v1/audit-events").status()).isEqualTo(200);
		}
		finally {
			admin.put("/api/v1/roles/" + agentRole, Map.of("name", "agent", "permissions", permissions));
		}
		// losing a permission ends the holders' sessions (issue 17): signed in again, the
		// agent no longer has it
		assertThat(agent.get("/api/v1/audit-events").status()).isEqualTo(401);
		assertThat(signedInAs("agent").get("/api/v1/audit-events").status()).isEqualTo(403);
	}

	@Test
	void rolesRefuseUsersWithoutRoleManage() {
		ApiClient supervisor = signedInAs("supervisor");
		assertThat(supervisor.get("/api/v1/roles").status()).isEqualTo(200);
		assertThat(supervisor.post("/api/v1/roles", Map.of("name", "mine", "permissions", List.of())).status())
			.isEqualTo(403);
		assertThat(supervisor
			.put("/api/v1/roles/" + roleId("agent"), Map.of("name", "agent", "permissions", List.of("user.manage")))
			.status()).isEqualTo(403);
		assertThat(supervisor.delete("/api/v1/roles/" + roleId("agent")).status()).isEqualTo(403);
		assertThat(signedInAs("agent").get("/api/v1/roles").status()).isEqualTo(403);
	}

	@Test
	void apiTokenIsShownOnceWorksWithoutCsrfAndStopsWhenRevoked() {
		ApiClient admin = admin();
		ApiClient.Response created = admin.post("/api/v1/tokens", Map.of("name", "CRM sync", "expiresInDays", 30));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String token = created.json().path("token").asString();
		assertThat(token).startsWith("prl_");
		assertThat(admin.get("/api/v1/tokens").body()).contains("CRM sync").doesNotContain(token);

		ApiClient integration = client().withoutCsrf().withBearer(token);
		assertThat(integration.get("/api/v1/users").status()).isEqualTo(200);
		String username = unique("viatoken");
		ApiClient.Response viaToken = integration.post("/api/v1/users", Map.of("username", username, "displayName", "T",
				"roleId", roleId("agent"), "password", INITIAL_PASSWORD));
		assertThat(viaToken.status()).isEqualTo(201);
		assertThat(viaToken.header("Set-Cookie")).as("token calls create no session").isNull();

		assertThat(client().withBearer("prl_forged").get("/api/v1/users").code()).isEqualTo("unauthenticated");
		assertThat(admin.delete("/api/v1/tokens/" + created.json().path("id").asLong()).status()).isEqualTo(204);
		assertThat(integration.get("/api/v1/users").status()).isEqualTo(401);

		assertThat(admin.post("/api/v1/tokens", Map.of("name", "")).code()).isEqualTo("validation_failed");
		assertThat(admin.post("/api/v1/tokens", Map.of("name", "x", "expiresInDays", 0)).code())
			.isEqualTo("validation_failed");
		assertThat(signedInAs("agent").post("/api/v1/tokens", Map.of("name", "mine")).status()).isEqualTo(403);
	}

}
