package dev.parley.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.parley.notifications.internal.MailAccount;
import dev.parley.notifications.internal.MailAccountRepository;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.MailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh administrator is pointed from the home page to the self-check, sees every check
 * pass (the WebSocket check made by the browser itself included) and gets the test
 * e-mail; the page is photographed in English and Chinese, on a desktop and at phone
 * width (target/screenshots/self-check-*.png).
 */
class SelfCheckBrowserTests extends IntegrationTest {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static MailServer mail;

	@Autowired
	private MailAccountRepository accounts;

	@Autowired
	private JdbcClient jdbc;

	private Duration clockOffset;

	private String publicUrl;

	@BeforeAll
	static void startMailServer() {
		mail = MailServer.onFreePorts();
	}

	@AfterAll
	static void stopMailServer() {
		mail.close();
	}

	@AfterEach
	void restore() {
		this.accounts.save(MailAccount.none(), "test");
		if (this.clockOffset != null) {
			this.clock.set(Instant.now().plus(this.clockOffset));
		}
		if (this.publicUrl != null) {
			admin().put("/api/v1/settings", Map.of("organisation.publicUrl", this.publicUrl));
		}
	}

	@Test
	void aFreshAdministratorRunsTheSelfCheckAndEverythingPasses() {
		// an installation as the setup page leaves it, set up the way the checks want
		this.jdbc.sql("DELETE FROM self_check_run").update();
		this.clockOffset = Duration.between(Instant.now(), this.clock.instant());
		ApiClient admin = admin();
		for (var setting : admin.get("/api/v1/settings").json()) {
			if (setting.path("key").asString().equals("organisation.publicUrl")) {
				this.publicUrl = setting.path("value").asString();
			}
		}
		assertThat(admin.put("/api/v1/settings", Map.of("organisation.publicUrl", "http://127.0.0.1:" + this.port))
			.status()).isEqualTo(200);
		assertThat(admin.put("/api/v1/mail-account", mail.account("support@acme.test")).status()).isEqualTo(200);

		try (Browser browser = Browser.open(this.port)) {
			try {
				walkThrough(browser);
			}
			catch (RuntimeException | AssertionError ex) {
				save(browser, "self-check-failure");
				throw ex;
			}
		}
	}

	private void walkThrough(Browser browser) {
		browser.recordErrors();
		browser.signIn(ADMIN, ADMIN_PASSWORD);
		browser.waitFor("#home-self-check");
		screenshots(browser, "home");
		// the test clock stands still: in step with the database's while the checks run
		this.clock.set(Instant.now());
		browser.click("#home-self-check a");
		browser.waitForPath("/console/self-check");

		browser.waitFor("[data-check=\"websocket\"][data-status=\"OK\"]");
		browser.waitFor("[data-check=\"database\"][data-status=\"OK\"]");
		assertThat(browser.find("[data-check=\"websocket\"]").getText()).contains("round trip");
		for (String key : List.of("database", "clock", "email", "proxy", "secret-key", "public-address")) {
			assertThat(browser.find("[data-check=\"" + key + "\"]").getAttribute("data-status")).as(key)
				.isEqualTo("OK");
		}
		for (WebElement check : browser.findAll("[data-check]")) {
			assertThat(check.getAttribute("data-status")).as(check.getText()).isNotEqualTo("FAILED");
		}
		assertThat(browser.find("[data-check=\"clock\"]").getText()).contains("browser's clock is +0.");

		browser.click("#self-check-test-mail");
		browser.waitForText("#self-check-mail-sent", "ada@example.com");
		assertThat(mail.awaitMessagesTo("ada@example.com", 1)).isNotEmpty();
		screenshots(browser, "page");

		browser.click("#self-check-run");
		browser.waitFor("#self-check-run:not([disabled])");
		browser.waitForText("#self-check-last", "admin");

		browser.click("a[data-nav=\"home\"]");
		browser.waitFor(".tiles");
		browser.waitForFetches();
		assertThat(browser.findAll("#home-self-check")).as("the suggestion, once run").isEmpty();
		assertThat(browser.errors()).isEmpty();
	}

	/** The page in English and Chinese, on a desktop and on a phone 390 pixels wide. */
	private void screenshots(Browser browser, String name) {
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		for (String language : List.of("en", "zh-CN")) {
			this.clock.set(Instant.now());
			browser.select("#language-select", language);
			browser.waitUntil((driver) -> language.equals(browser.script("return document.documentElement.lang")));
			if (name.equals("page")) {
				// the results come again, in the new language
				String title = language.equals("en") ? "Database" : "数据库";
				browser.waitForText("[data-check=\"database\"] h2", title);
				browser.waitFor("[data-check=\"websocket\"][data-status=\"OK\"]");
			}
			save(browser, "self-check-" + name + "-" + language + "-desktop");
			chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
			browser.waitUntil((driver) -> ((Number) browser.script("return window.innerWidth")).intValue() == 390);
			save(browser, "self-check-" + name + "-" + language + "-phone");
			chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			browser.waitUntil((driver) -> ((Number) browser.script("return window.innerWidth")).intValue() > 1000);
		}
		browser.select("#language-select", "en");
		browser.waitUntil((driver) -> "en".equals(browser.script("return document.documentElement.lang")));
	}

	@SuppressWarnings("unchecked")
	private static void save(Browser browser, String name) {
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
		double width = ((Number) size.get("width")).doubleValue();
		double height = Math.min(((Number) size.get("height")).doubleValue(), 4200);
		try {
			Files.createDirectories(SCREENSHOTS);
			Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true, "clip",
							Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
			Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
