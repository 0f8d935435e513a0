package dev.parley.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The System screen: the node list, and the maintenance switch, whose banner every
 * console page shows and whose message the widget shows (keeping the visitor's unsent
 * text) until it is switched off.
 */
class SystemBrowserTests extends IntegrationTest {

	@AfterEach
	void leaveMaintenance() {
		admin().delete("/api/v1/operations/maintenance?force=true");
	}

	@Test
	void maintenanceSwitchedOnShowsItsBannerInTheConsoleAndItsMessageInTheWidget() {
		String key = channelKey();
		try (Browser console = Browser.open(this.port); Browser visitor = Browser.open(this.port)) {
			visitor.go("/widget/frame?channel=" + key);
			visitor.waitFor("#composer");
			visitor.type("#composer", "Half-written question");

			console.signIn(ADMIN, ADMIN_PASSWORD);
			console.go("/console/system");
			console.waitFor("#nodes tr[data-node]");
			assertThat(console.find("#nodes").getText()).contains(this.nodeVersion());
			console.type("#maintenance-message", "Back at ten");
			console.script("window.confirm = () => true;");
			console.click("#maintenance-enter");
			console.waitFor("#maintenance-leave");
			console.waitForText("#maintenance-banner", "Parley is being upgraded; please try again in a few minutes.");
			assertThat(console.find("#maintenance-banner").getText()).contains("Back at ten");
			console.go("/console/users");
			console.waitForText("#maintenance-banner", "Maintenance in progress, back in a moment.");

			visitor.waitForText("#maintenance-notice", "Maintenance in progress, back in a moment.");
			assertThat(visitor.find("#composer").getAttribute("value")).isEqualTo("Half-written question");

			console.go("/console/system");
			console.click("#maintenance-leave");
			console.waitUntilGone("#maintenance-banner");
			visitor.waitUntilGone("#maintenance-notice");
			assertThat(visitor.find("#composer").getAttribute("value")).isEqualTo("Half-written question");
		}
	}

	private String nodeVersion() {
		return admin().get("/api/v1/operations/nodes").json().path("nodes").get(0).path("version").asString();
	}

	private String channelKey() {
		Map<String, Object> body = new HashMap<>(Map.of("kind", "website", "name", unique("Site"), "allowedOrigins",
				List.of("*"), "greeting", "Hello!", "prechatEnabled", false));
		ApiClient.Response response = admin().post("/api/v1/channels", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("key").asString();
	}

}
