package dev.parley.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in role on every screen of the console, by direct URL: a screen the role
 * opens renders without the forbidden notice and without a JavaScript error, a screen it
 * does not open shows the forbidden notice, and the menu lists exactly the screens it
 * opens.
 */
class RoleScreensBrowserTests extends IntegrationTest {

	/** The console's screens in menu order and the permissions that open one (any). */
	private static final Map<String, Set<String>> SCREENS = screens();

	private static Map<String, Set<String>> screens() {
		Map<String, Set<String>> screens = new LinkedHashMap<>();
		screens.put("home", Set.of());
		screens.put("inbox", Set.of("conversation.reply", "conversation.view_all", "conversation.monitor"));
		screens.put("mentions", Set.of("conversation.reply", "conversation.view_all"));
		screens.put("tickets", Set.of("ticket.view"));
		screens.put("canned", Set.of("conversation.reply"));
		screens.put("transcripts", Set.of("conversation.view_all", "conversation.reply"));
		screens.put("evaluations",
				Set.of("conversation.reply", "team.evaluate", "statistics.view", "statistics.view_all"));
		screens.put("customers", Set.of("customer.view"));
		screens.put("customer-import", Set.of("customer.import"));
		screens.put("reports", Set.of("statistics.view", "statistics.view_all", "conversation.reply"));
		screens.put("text-mining", Set.of("statistics.view", "statistics.view_all", "conversation.reply"));
		screens.put("board", Set.of("team.view"));
		screens.put("team", Set.of("team.view"));
		screens.put("users", Set.of("user.view"));
		screens.put("roles", Set.of("role.manage", "user.view"));
		screens.put("audit", Set.of("audit.view"));
		screens.put("settings", Set.of("settings.manage"));
		screens.put("sms", Set.of("notification.manage"));
		screens.put("notifications", Set.of("notification.manage"));
		screens.put("tokens", Set.of("token.manage"));
		screens.put("channels", Set.of("channel.manage"));
		screens.put("customer-settings", Set.of("customer.manage"));
		screens.put("ticket-settings", Set.of("ticket.manage"));
		screens.put("status", Set.of("system.monitor"));
		screens.put("self-check", Set.of("system.upgrade"));
		screens.put("system", Set.of("system.upgrade"));
		screens.put("backups", Set.of("backup.run"));
		screens.put("logs", Set.of("log.view"));
		screens.put("faults", Set.of("fault.manage"));
		screens.put("security", Set.of("security.manage"));
		return screens;
	}

	@ParameterizedTest
	@ValueSource(strings = { "administrator", "supervisor", "agent", "support" })
	void everyRoleSeesItsScreensAndIsRefusedTheOthers(String role) {
		Set<String> permissions = permissionsOf(role);
		List<String> allowed = SCREENS.entrySet()
			.stream()
			.filter((screen) -> screen.getValue().isEmpty()
					|| screen.getValue().stream().anyMatch(permissions::contains))
			.map(Map.Entry::getKey)
			.toList();
		String username = signedInUser(role);
		try (Browser browser = Browser.open(this.port)) {
			browser.recordErrors();
			browser.signIn(username, (ADMIN.equals(username)) ? ADMIN_PASSWORD : OWN_PASSWORD);
			List<String> menu = new ArrayList<>();
			for (WebElement link : browser.findAll("a[data-nav]")) {
				menu.add(link.getAttribute("data-nav"));
			}
			assertThat(menu).as("menu of %s", role).containsExactlyElementsOf(allowed);

			for (String screen : SCREENS.keySet()) {
				String path = "/console/" + (screen.equals("home") ? "" : screen);
				browser.go(path);
				browser.waitFor("#current-user");
				browser.waitForFetches();
				assertThat(browser.path()).isEqualTo(path);
				boolean forbidden = !browser.findAll("[data-forbidden]").isEmpty();
				assertThat(forbidden).as("%s on %s shows the forbidden notice", role, screen)
					.isEqualTo(!allowed.contains(screen));
				if (!forbidden) {
					assertThat(browser.findAll("main.content > :not(#mention-toasts)"))
						.as("%s on %s renders", role, screen)
						.isNotEmpty();
				}
				assertThat(browser.errors()).as("JavaScript errors of %s on %s", role, screen).isEmpty();
			}
		}
	}

	private Set<String> permissionsOf(String role) {
		for (JsonNode stored : admin().get("/api/v1/roles").json()) {
			if (stored.path("name").asString().equals(role)) {
				Set<String> permissions = new java.util.HashSet<>();
				stored.path("permissions").forEach((permission) -> permissions.add(permission.asString()));
				return permissions;
			}
		}
		throw new IllegalArgumentException(role);
	}

	/**
	 * A user of the role who has chosen his own password (the administrator is ADMIN).
	 */
	private String signedInUser(String role) {
		if (role.equals("administrator")) {
			return ADMIN;
		}
		String username = unique(role);
		createUser(username, role);
		ApiClient client = client();
		assertThat(client.login(username, INITIAL_PASSWORD).status()).isEqualTo(200);
		assertThat(client
			.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD))
			.status()).isEqualTo(204);
		return username;
	}

}
