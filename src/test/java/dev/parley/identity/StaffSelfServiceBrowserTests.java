package dev.parley.identity;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the browser: "Forgot password?" on the sign-in screen asks for the link and shows
 * the same confirmation whatever the address; the link's screen sets the new password;
 * every signed-in member edits their profile and notification choices. With
 * {@code -Dparley.screenshots=
 *
<dir>
 * } it also leaves screenshots there.
 */
class StaffSelfServiceBrowserTests extends IntegrationTest {

	private static final String NEW_PASSWORD = "Browser-Reset-Passw0rd!";

	@Autowired
	ApplicationContext context;

	private final List<StaffPasswordResetRequested> requested = new CopyOnWriteArrayList<>();

	private ApplicationListener<?> listener;

	@BeforeEach
	void listen() {
		this.listener = ApplicationListener
			.forPayload((StaffPasswordResetRequested event) -> this.requested.add(event));
		multicaster().addApplicationListener(this.listener);
	}

	@AfterEach
	void stopListening() {
		multicaster().removeApplicationListener(this.listener);
	}

	@Test
	void forgotPasswordThenTheLinkSetsANewOne() {
		String username = unique("forgot");
		long id = createUser(username, "agent").path("id").asLong();
		try (Browser browser = Browser.open(this.port)) {
			browser.go("/console/login");
			browser.click("#login-forgot");
			browser.waitForPath("/console/forgot-password");
			shoot(browser, "forgot-en");
			browser.type("#forgot-email", "nobody-" + username + "@example.com");
			browser.click("#forgot-submit");
			String neutral = browser.find("#forgot-sent").getText();
			assertThat(neutral).contains("If an account has this e-mail address");
			assertThat(this.requested).isEmpty();

			browser.go("/console/forgot-password");
			browser.select("#forgot-language", "zh-CN");
			browser.waitForText("#forgot-submit", "发送链接");
			shoot(browser, "forgot-zh-CN");
			browser.select("#forgot-language", "en");
			browser.waitForText("#forgot-submit", "Send the link");
			browser.type("#forgot-email", username + "@example.com");
			browser.click("#forgot-submit");
			assertThat(browser.find("#forgot-sent").getText()).isEqualTo(neutral);
			shoot(browser, "forgot-sent-en");
			assertThat(this.requested).extracting(StaffPasswordResetRequested::userId).containsExactly(id);

			browser.go("/console/reset-password#token=" + this.requested.get(0).token());
			browser.waitForText("#reset-policy", "10");
			assertThat(browser.path()).isEqualTo("/console/reset-password");
			shoot(browser, "reset-en");
			browser.type("#reset-new", NEW_PASSWORD);
			browser.type("#reset-confirm", NEW_PASSWORD + "x");
			browser.click("#reset-submit");
			browser.waitForText(".problem", "not the same");
			browser.find("#reset-confirm").clear();
			browser.type("#reset-confirm", NEW_PASSWORD);
			browser.click("#reset-submit");
			browser.waitFor("#reset-done");
			browser.click("#reset-sign-in");
			browser.waitForPath("/console/login");
			browser.signIn(username, NEW_PASSWORD);
			browser.go("/console/reset-password");
			browser.waitFor("#reset-no-token");
		}
	}

	@Test
	void anAgentEditsHisProfileAndNotificationChoices() {
		String username = unique("profile");
		createUser(username, "agent");
		ApiClient api = client();
		api.login(username, INITIAL_PASSWORD);
		api.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(username, OWN_PASSWORD);
			browser.click("#my-profile");
			browser.waitForPath("/console/profile");
			browser.waitFor("#pref-mention-sms");
			shoot(browser, "profile-en");
			shoot(browser, "preferences-en", "preferences-form");
			browser.find("#profile-name").clear();
			browser.type("#profile-name", "Wang Fang");
			browser.type("#profile-phone", "+86 139 0000 0000");
			browser.select("#profile-language", "zh-TW");
			browser.click("#profile-save");
			browser.waitFor("#profile-saved");
			browser.waitForText("#current-user", "Wang Fang");
			assertThat(browser.find("#pref-mention-email").isSelected()).isTrue();
			assertThat(browser.find("#pref-mention-sms").isSelected()).isFalse();
			browser.click("#pref-mention-sms");
			browser.click("#pref-left_message-email");
			browser.click("#preferences-save");
			browser.waitFor("#preferences-saved");

			browser.select("#language-select", "zh-CN");
			browser.waitForText("#profile-save", "保存");
			shoot(browser, "profile-zh-CN");
			shoot(browser, "preferences-zh-CN", "preferences-form");
		}
		assertThat(api.get("/api/v1/me/profile").json().path("language").asString()).isEqualTo("zh-TW");
		assertThat(api.get("/api/v1/me/notification-preferences").body()).contains(
				"{\"event\":\"mention\",\"channel\":\"sms\",\"enabled\":true}",
				"{\"event\":\"left_message\",\"channel\":\"email\",\"enabled\":false}");
	}

	/** Desktop and phone width, when screenshots are asked for. */
	private static void shoot(Browser browser, String name) {
		shoot(browser, name, null);
	}

	/** ... scrolled to the element with this id at each width. */
	private static void shoot(Browser browser, String name, String scrollTo) {
		String directory = System.getProperty("parley.screenshots");
		if (directory == null) {
			return;
		}
		try {
			Files.createDirectories(Path.of(directory));
			Dimension desktop = browser.driver().manage().window().getSize();
			scroll(browser, scrollTo);
			save(browser, Path.of(directory, name + "-desktop.png"));
			browser.driver().manage().window().setSize(new Dimension(390, 844));
			scroll(browser, scrollTo);
			save(browser, Path.of(directory, name + "-phone.png"));
			browser.driver().manage().window().setSize(desktop);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void scroll(Browser browser, String id) {
		if (id != null) {
			browser.script("document.getElementById(arguments[0]).scrollIntoView()", id);
		}
	}

	private static void save(Browser browser, Path target) throws IOException {
		File shot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

	private ApplicationEventMulticaster multicaster() {
		return this.context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
				ApplicationEventMulticaster.class);
	}

}
