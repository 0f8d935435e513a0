package dev.parley.console;

import dev.parley.testing.Browser;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.NoAlertPresentException;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new installation in a real browser: through /setup, sign in, create an agent, sign in
 * as that agent (who must choose a password first) and see no user administration; the
 * console in all three languages; hostile text shown as text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "parley.test.context=browser")
@ActiveProfiles("test")
class ConsoleBrowserTests {

	private static final String ADMIN_PASSWORD = "Browser-Admin-Passw0rd!";

	private static final String HOSTILE = "<img src=x onerror=alert(1)>";

	@LocalServerPort
	int port;

	@Test
	void installsSignsInCreatesAnAgentWhoSeesNoUserAdministration() {
		try (Browser browser = Browser.open(this.port)) {
			browser.go("/console/");
			browser.waitForPath("/setup");

			// In Chinese, before any attempt the policy is shown; a blank organisation, a
			// bad
			// e-mail and a weak password are all marked at once, each beside its field,
			// in
			// Chinese, and the focus is on the first.
			browser.waitForText(".hint", "10");
			browser.select("#setup-language", "zh-CN");
			browser.waitForText("#setup-submit", "安装");
			browser.type("#setup-admin-username", "boss");
			browser.type("#setup-admin-display-name", "The Boss");
			browser.type("#setup-admin-email", "not-an-address");
			browser.type("#setup-admin-password", "short");
			browser.type("#setup-admin-password-confirm", "short");
			browser.click("#setup-submit");
			browser.waitFor("#setup-organisation-error");
			for (String field : List.of("setup-organisation", "setup-admin-email", "setup-admin-password")) {
				assertThat(browser.find("#" + field).getAttribute("aria-invalid")).as(field).isEqualTo("true");
				String message = browser.find("#" + field + "-error").getText();
				assertThat(message).as(field).isNotBlank().doesNotContainPattern("[A-Za-z]{2,} [A-Za-z]{2,}");
				assertThat(browser.find("#" + field).getAttribute("aria-describedby")).isEqualTo(field + "-error");
			}
			assertThat(browser.find("#setup-admin-username").getAttribute("aria-invalid")).isNull();
			assertThat(browser.focused().getAttribute("id")).isEqualTo("setup-organisation");
			browser.select("#setup-language", "en");
			browser.waitForText("#setup-submit", "Install");

			browser.type("#setup-organisation", "Acme Browser Support");
			browser.select("#setup-language", "en");
			browser.select("#setup-timezone", "Asia/Shanghai");
			browser.type("#setup-admin-username", "boss");
			browser.type("#setup-admin-display-name", "The Boss");
			browser.type("#setup-admin-email", "boss@example.com");
			browser.type("#setup-admin-password", ADMIN_PASSWORD);
			browser.type("#setup-admin-password-confirm", ADMIN_PASSWORD);
			browser.click("#setup-submit");
			// the new administrator is signed in at once
			browser.waitForText("#current-user", "The Boss");
			assertThat(browser.path()).isEqualTo("/console/");
			browser.go("/setup");
			browser.waitForPath("/console/");
			browser.waitForText("#current-user", "The Boss");
			browser.click("a[data-nav=\"users\"]");
			browser.waitForPath("/console/users");
			browser.click("#user-new");
			browser.type("#user-username", "wang.fang");
			browser.type("#user-display-name", "Wang Fang " + HOSTILE);
			browser.type("#user-email", "wang@example.com");
			browser.type("#user-phone", "+86 138 0000 0001");
			browser.selectByText("#user-role", "Agent");
			browser.type("#user-password", "Temporary-Passw0rd!");
			browser.click("#user-save");
			browser.waitForText("tr[data-username=\"wang.fang\"]", "Wang Fang " + HOSTILE);
			assertNoAlert(browser);

			browser.select("#language-select", "zh-CN");
			browser.waitForText("a[data-nav=\"users\"]", "用户");
			browser.select("#language-select", "zh-TW");
			browser.waitForText("a[data-nav=\"users\"]", "使用者");
			browser.select("#language-select", "en");
			browser.waitForText("a[data-nav=\"users\"]", "Users");

			browser.click("#logout");
			browser.waitForPath("/console/login");
			signIn(browser, "wang.fang", "Temporary-Passw0rd!");
			browser.waitForPath("/console/password");
			browser.type("#pw-current", "Temporary-Passw0rd!");
			browser.type("#pw-new", "Agent-Own-Passw0rd!");
			browser.type("#pw-confirm", "Agent-Own-Passw0rd!");
			browser.click("#pw-submit");
			browser.waitForText("#current-user", "Wang Fang " + HOSTILE);
			browser.find("a[data-nav=\"home\"]");
			assertThat(browser.findAll("a[data-nav=\"users\"]")).isEmpty();
			assertThat(browser.findAll("a[data-nav=\"roles\"]")).isEmpty();
			assertThat(browser.findAll("a[data-nav=\"audit\"]")).isEmpty();
			assertThat(browser.findAll("a[data-nav=\"settings\"]")).isEmpty();
			assertNoAlert(browser);

			browser.go("/console/users");
			assertThat(browser.findAll("tr[data-username]")).isEmpty();
		}
	}

	private static void signIn(Browser browser, String username, String password) {
		browser.type("#login-username", username);
		browser.type("#login-password", password);
		browser.click("#login-submit");
	}

	private static void assertNoAlert(Browser browser) {
		try {
			Alert alert = browser.driver().switchTo().alert();
			throw new AssertionError("Hostile text ran as script: " + alert.getText());
		}
		catch (NoAlertPresentException expected) {
			// the text was rendered as text
		}
	}

}
