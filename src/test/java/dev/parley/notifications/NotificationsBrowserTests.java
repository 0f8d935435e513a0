package dev.parley.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.parley.notifications.internal.MailAccount;
import dev.parley.notifications.internal.MailAccountRepository;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.MailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator sets up e-mail in the console against a real SMTP server, sends a
 * test message, changes a template and watches the preview follow, and finds a sent
 * notification in the delivery log; every tab is photographed in English and Chinese, on
 * a desktop and at phone width (target/screenshots/notifications-*.png).
 */
class NotificationsBrowserTests extends IntegrationTest {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static MailServer mail;

	@Autowired
	private MailAccountRepository accounts;

	@Autowired
	private Notifications notifications;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcClient jdbc;

	@BeforeAll
	static void startMailServer() {
		mail = MailServer.onFreePorts();
	}

	@AfterAll
	static void stopMailServer() {
		mail.close();
	}

	@AfterEach
	void noMailAccountAndShippedTexts() {
		this.accounts.save(MailAccount.none(), "test");
		this.jdbc.sql("DELETE FROM notification_template").update();
	}

	@Test
	void anAdministratorSetsUpEMailEditsATemplateAndFindsTheMessageInTheLog() {
		String to = unique("ops") + "@example.com";
		mail.greenMail().setUser("mailer@acme.test", "mailer", "Smtp-S3cret!");
		try (Browser browser = Browser.open(this.port)) {
			try {
				walkThrough(browser, to);
			}
			catch (RuntimeException | AssertionError ex) {
				save(browser, "notifications-failure");
				throw ex;
			}
		}
	}

	private void walkThrough(Browser browser, String to) {
		{
			browser.recordErrors();
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.click("a[data-nav=\"notifications\"]");
			browser.waitFor("#mail-smtpHost");

			browser.click("#mail-smtpEnabled");
			browser.type("#mail-smtpHost", "smtp example.com");
			browser.type("#mail-smtpPort", String.valueOf(mail.smtpPort()));
			browser.select("#mail-smtpSecurity", "none");
			browser.type("#mail-smtpUsername", "mailer");
			browser.type("#mail-smtpPassword", "Smtp-S3cret!");
			browser.type("#mail-fromAddress", "support@acme.test");
			browser.type("#mail-fromName", "Acme Support");
			browser.type("#mail-replyAddress", "support@acme.test");
			browser.click("#mail-save");
			browser.waitFor("[data-error-for=\"smtpHost\"]");
			assertThat(browser.find("#mail-smtpHost").getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(this.accounts.load().smtpEnabled()).isFalse();

			browser.type("#mail-smtpHost", "127.0.0.1");
			browser.click("#mail-save");
			browser.waitForText(".mail-account .notice", "saved");
			browser.waitFor("#mail-smtpPassword[data-secret-stored]");
			assertThat(browser.find("#mail-smtpPassword").getAttribute("value")).isEmpty();
			assertThat(this.accounts.load().smtpPassword()).isEqualTo("Smtp-S3cret!");

			browser.type("#mail-test-to", to);
			browser.click("#mail-test-send");
			browser.waitFor("#mail-test-result[data-delivered=\"true\"]");
			assertThat(browser.find("#mail-test-result").getText()).contains("Delivered").contains(to);
			assertThat(mail.awaitMessagesTo(to, 1)).hasSize(1);
			assertThat(this.accounts.load().smtpPassword()).as("saving again kept the password")
				.isEqualTo("Smtp-S3cret!");

			browser.click("[data-tab=\"templates\"]");
			browser.click("[data-edit=\"message-left-ack/en\"]");
			browser.waitForText("#template-preview-subject", "We have your message");
			assertThat(browser.find("#template-preview-html").getAttribute("sandbox")).isEmpty();
			browser.type("#template-subject", "Thanks {{name}}, preview check");
			browser.waitForText("#template-preview-subject", "Thanks Li Lei, preview check");
			browser.type("#template-html", "<p>Dear {{name}}, <b>we read you</b></p>");
			browser.waitUntil((driver) -> browser.find("#template-preview-html")
				.getAttribute("srcdoc")
				.contains("<p>Dear Li Lei, <b>we read you</b></p>"));
			browser.click("#template-save");
			browser.waitForText("[data-template-state]", "Changed");
			assertThat(admin().get("/api/v1/notification-templates/message-left-ack/en")
				.json()
				.path("texts")
				.path("subject")
				.asString()).isEqualTo("Thanks {{name}}, preview check");

			browser.click("#template-back");
			browser.waitFor("[data-template=\"message-left-ack\"] [data-changed=\"en\"]");
			screenshots(browser, "templates");
			browser.click("[data-edit=\"message-left-ack/en\"]");
			browser.waitForText("#template-preview-subject", "Thanks Li Lei");
			screenshots(browser, "template-editor");
			browser.click("#template-reset");
			browser.waitFor("#template-reset-dialog");
			browser.click("#template-reset-confirm");
			browser.waitForText("[data-template-state]", "Parley's text");
			browser.waitForText("#template-preview-subject", "We have your message");

			String customer = unique("li") + "@example.com";
			long sent = this.transactions
				.execute((tx) -> this.notifications.enqueue(NotificationRequest.emailToCustomer(unique("left"),
						customer, "message-left-ack", "en", Map.of("text", "Hi"), null)))
				.orElseThrow();
			assertThat(mail.awaitMessagesTo(customer, 1)).hasSize(1);
			long refused = this.transactions
				.execute((tx) -> this.notifications.enqueue(NotificationRequest.emailToCustomer(unique("left"),
						"not an address", "message-left-ack", "en", Map.of(), null)))
				.orElseThrow();

			browser.click("[data-tab=\"log\"]");
			browser.waitFor("tr[data-notification=\"" + refused + "\"]");
			// recipients are sealed: the log finds a whole address by its blind index
			browser.type("#deliveries-recipient", customer);
			browser.click("#deliveries-filter");
			browser.waitFor("tr[data-notification=\"" + sent + "\"][data-status=\"sent\"]");
			// the filtered list replaces the whole one (under load, a moment after the
			// row shows)
			browser.waitUntil((d) -> browser.findAll("tr[data-notification]").size() == 1);
			assertThat(browser.find("tr[data-notification=\"" + sent + "\"] [data-status-badge]").getText())
				.isEqualTo("Sent");
			assertThat(browser.findAll("[data-resend]")).as("a sent one is not sent again").isEmpty();

			browser.keys("#deliveries-recipient", Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
			browser.select("#deliveries-status", "suppressed");
			browser.click("#deliveries-filter");
			browser.click("[data-resend=\"" + refused + "\"]");
			browser.waitForText(".delivery-log .notice", "not an address");
			screenshots(browser, "log");

			browser.click("[data-tab=\"account\"]");
			browser.waitFor("#mail-smtpPassword[data-secret-stored]");
			screenshots(browser, "account");
			assertThat(browser.errors()).isEmpty();
		}
	}

	/**
	 * The page as it is, in English and Chinese, on a desktop and on a phone 390 pixels
	 * wide (long pages in parts).
	 */
	private static void screenshots(Browser browser, String name) {
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		for (String language : List.of("en", "zh-CN")) {
			browser.select("#language-select", language);
			browser.waitUntil((driver) -> language.equals(browser.script("return document.documentElement.lang")));
			save(browser, "notifications-" + name + "-" + language + "-desktop");
			chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
			browser.waitUntil((driver) -> ((Number) browser.script("return window.innerWidth")).intValue() == 390);
			save(browser, "notifications-" + name + "-" + language + "-phone");
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
		double height = Math.min(((Number) size.get("height")).doubleValue(), 6000);
		int parts = (int) Math.ceil(height / 1400);
		try {
			Files.createDirectories(SCREENSHOTS);
			for (int part = 0; part < parts; part++) {
				double top = part * 1400.0;
				Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
						"captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", top, "width", width, "height", Math.min(1400, height - top), "scale", 1)));
				String file = name + ((parts > 1) ? "-" + (part + 1) : "") + ".png";
				Files.write(SCREENSHOTS.resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
