package dev.parley.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the browser: a staff member sees his sessions under "My profile" and ends another
 * one; an administrator ends a user's sessions from the user dialog. With
 * {@code -Dparley.screenshots=DIR} it leaves screenshots there (English and Simplified
 * Chinese, desktop and phone width).
 */
class StaffSessionsBrowserTests extends IntegrationTest {

	private static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	@Test
	void aMemberSeesHisSessionsAndEndsAnother() {
		String username = agent();
		ApiClient elsewhere = signedInElsewhere(username);
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(username, OWN_PASSWORD);
			browser.click("#my-profile");
			browser.waitForPath("/console/profile");
			browser.waitFor("#own-sessions .session-current");
			assertThat(browser.findAll("#own-sessions .session-item")).hasSize(2);
			browser.waitForText("#own-sessions .session-item:not(.current) .session-device", "Chrome on Windows");
			assertThat(browser.find("#own-sessions .session-item:not(.current)").getText()).contains("198.51.100.80");
			shoot(browser, "sessions-own");

			browser.click("#own-sessions .session-item:not(.current) .session-end");
			browser.waitFor("#sessions-notice");
			assertThat(browser.find("#sessions-notice").getText()).contains("Chrome on Windows");
			browser.waitUntil((driver) -> browser.findAll("#own-sessions .session-item").size() == 1);
			assertThat(elsewhere.get("/api/v1/session").status()).isEqualTo(401);
			assertThat(browser.findAll("#sessions-end-many")).isEmpty();
		}
	}

	@Test
	void anAdministratorEndsAUsersSessionsFromTheUserDialog() {
		String username = agent();
		ApiClient elsewhere = signedInElsewhere(username);
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.go("/console/users");
			browser.type("#user-search", username);
			browser.click("[data-edit='" + username + "']");
			browser.clickOneWithText(".tabs button", "Sessions");
			browser.waitFor("#user-sessions .session-item");
			assertThat(browser.find("#user-sessions").getText()).contains("Chrome on Windows", "198.51.100.80");
			assertThat(browser.findAll("#user-sessions .session-current")).isEmpty();
			shoot(browser, "sessions-admin");

			browser.click("#sessions-end-many");
			browser.waitFor("#sessions-notice");
			browser.waitFor("#sessions-none");
			assertThat(elsewhere.get("/api/v1/session").status()).isEqualTo(401);
		}
	}

	private String agent() {
		String username = unique("agent");
		createUser(username, "agent");
		ApiClient first = client();
		first.login(username, INITIAL_PASSWORD);
		assertThat(first
			.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD))
			.status()).isEqualTo(204);
		assertThat(first.delete("/api/v1/session").status()).isEqualTo(204);
		return username;
	}

	private ApiClient signedInElsewhere(String username) {
		ApiClient client = client().withHeader("User-Agent", CHROME_ON_WINDOWS)
			.withHeader("X-Forwarded-For", "198.51.100.80");
		assertThat(client.login(username, OWN_PASSWORD).status()).isEqualTo(200);
		return client;
	}

	/** The shell's language select, also while a dialog covers it. */
	private static void choose(Browser browser, String language) {
		browser.script("const select = document.querySelector('#language-select'); select.value = arguments[0];"
				+ " select.dispatchEvent(new Event('change'));", language);
	}

	/**
	 * When screenshots are asked for: English and Simplified Chinese, desktop and phone
	 * width, scrolled to the sessions.
	 */
	private static void shoot(Browser browser, String name) {
		String directory = System.getProperty("parley.screenshots");
		if (directory == null) {
			return;
		}
		try {
			Files.createDirectories(Path.of(directory));
			Dimension desktop = browser.driver().manage().window().getSize();
			for (String language : List.of("en", "zh-CN")) {
				browser.driver().manage().window().setSize(desktop);
				choose(browser, language);
				browser.waitUntil((driver) -> language.equals(browser.script("return document.documentElement.lang")));
				for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
					browser.driver().manage().window().setSize(size);
					browser.script("document.querySelector('.session-list').scrollIntoView({block: 'center'})");
					Files.copy(((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath(),
							Path.of(directory, name + "-" + language + "-"
									+ (size.getWidth() > 500 ? "desktop" : "phone") + ".png"),
							java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
			browser.driver().manage().window().setSize(desktop);
			choose(browser, "en");
			browser.waitUntil((driver) -> "en".equals(browser.script("return document.documentElement.lang")));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
