package dev.parley.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

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
			console.waitFor("#maintenance-leave");
			shoot(console, "system-en");
			shoot(visitor, "widget-maintenance-en");
			console.select("#language-select", "zh-CN");
			console.waitForText("#maintenance-banner", "正在维护，马上回来。");
			console.waitForText("#maintenance-banner", "Parley 正在升级，请几分钟后再试。");
			shoot(console, "system-zh-CN");
			console.click("#maintenance-leave");
			console.waitUntilGone("#maintenance-banner");
			visitor.waitUntilGone("#maintenance-notice");
			assertThat(visitor.find("#composer").getAttribute("value")).isEqualTo("Half-written question");
		}
	}

	/** Desktop and phone width, when asked for with {@code -Dparley.screenshots=DIR}. */
	private static void shoot(Browser browser, String name) {
		String directory = System.getProperty("parley.screenshots");
		if (directory == null) {
			return;
		}
		try {
			Files.createDirectories(Path.of(directory));
			Dimension desktop = browser.driver().manage().window().getSize();
			save(browser, Path.of(directory, name + "-desktop.png"));
			browser.driver().manage().window().setSize(new Dimension(390, 844));
			save(browser, Path.of(directory, name + "-phone.png"));
			browser.driver().manage().window().setSize(desktop);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void save(Browser browser, Path target) throws IOException {
		File shot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
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
