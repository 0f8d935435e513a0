package dev.parley.notifications.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator sets up the SMS gateway in the console from the Twilio preset, saves
 * it, finds the token masked when he comes back, and sends a test message that reaches
 * the provider (a {@link FakeGateway} on this host). Screenshots of the screen in English
 * and Chinese, desktop and phone width, go to {@code target/screenshots}.
 */
class SmsGatewayBrowserTests extends IntegrationTest {

	@Test
	void anAdministratorSetsUpTwilioAndSendsATestMessage() throws Exception {
		try (FakeGateway gateway = new FakeGateway(); Browser browser = Browser.open(this.port)) {
			gateway.answer(201, "{\"sid\":\"SM-browser-1\"}");
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.go("/console/sms");
			browser.waitFor("#sms-preset option[value=\"twilio\"]");
			browser.select("#sms-preset", "twilio");
			browser.click("#sms-apply-preset");
			browser.waitFor("#sms-parameters-name-0");
			assertThat(browser.find("#sms-url").getDomProperty("value"))
				.isEqualTo("https://api.twilio.com/2010-04-01/Accounts/{{accountSid}}/Messages.json");
			browser.find("#sms-url").clear();
			browser.type("#sms-url", gateway.base() + "/2010-04-01/Accounts/{{accountSid}}/Messages.json");
			browser.type("#sms-parameters-value-0", "AC42");
			browser.click(".sms-basic summary");
			browser.type("#sms-basic-user", "AC42");
			browser.type("#sms-basic-password", "twilio-token");
			browser.click("#sms-basic-set");
			browser.type("#sms-sender", "+15005550006");
			browser.click("#sms-enabled");
			browser.click("#sms-allow-private");
			browser.click("#sms-save");
			browser.waitForText(".notice", "The SMS gateway was saved.");

			browser.go("/console/sms");
			browser.waitFor("#sms-headers-value-0");
			browser
				.waitUntil((driver) -> "********".equals(browser.find("#sms-headers-value-0").getDomProperty("value")));
			assertThat(browser.find("#sms-headers-value-0").getDomProperty("type")).isEqualTo("password");
			screenshot(browser, "sms-gateway-en-desktop", 1280);

			browser.type("#sms-test-phone", "+8613812345678");
			browser.click("#sms-test-send");
			browser.waitForText("#sms-test-outcome", "Accepted by the gateway.");
			assertThat(browser.find("#sms-test-outcome").getText()).contains("SM-browser-1");
			String basic = "Basic " + Base64.getEncoder().encodeToString("AC42:twilio-token".getBytes());
			assertThat(gateway.last().headers()).containsEntry("authorization", basic);
			assertThat(gateway.last().pathAndQuery()).isEqualTo("/2010-04-01/Accounts/AC42/Messages.json");
			assertThat(gateway.last().body()).startsWith("To=%2B8613812345678&From=%2B15005550006&Body=Parley");
			screenshot(browser, "sms-gateway-en-phone", 390);

			browser.script("localStorage.setItem('parley.language', 'zh-CN')");
			browser.go("/console/sms");
			browser.waitForText("h1", "短信网关");
			browser.waitFor("#sms-headers-value-0");
			screenshot(browser, "sms-gateway-zh-CN-desktop", 1280);
			screenshot(browser, "sms-gateway-zh-CN-phone", 390);
		}
		finally {
			admin().put("/api/v1/sms-gateway", java.util.Map.of("enabled", false));
		}
	}

	private static void screenshot(Browser browser, String name, int width) throws Exception {
		browser.driver().manage().window().setSize(new Dimension(width, 900));
		long height = ((Number) browser.script("return document.documentElement.scrollHeight")).longValue();
		browser.driver().manage().window().setSize(new Dimension(width, (int) Math.min(height + 120, 4000)));
		Path directory = Path.of("target", "screenshots");
		Files.createDirectories(directory);
		Files.write(directory.resolve(name + ".png"),
				((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
		browser.driver().manage().window().setSize(new Dimension(1280, 900));
	}

}
