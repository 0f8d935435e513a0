package dev.parley.platform;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a visitor and a person at the console see when a rate limit refuses them: how long
 * to wait, in their language, not a generic error.
 */
@TestPropertySource(properties = { "parley.rate-limits.policies.widget-arrival.capacity=1",
		"parley.rate-limits.policies.widget-arrival.period=1m",
		"parley.rate-limits.policies.sign-in-account.capacity=2",
		"parley.rate-limits.policies.sign-in-account.period=1m" })
class RateLimitBrowserTests extends IntegrationTest {

	@Test
	void theWidgetSaysHowLongToWaitWhenArrivalsAreRefused() {
		ApiClient.Response channel = admin().post("/api/v1/channels", Map.of("kind", "website", "name", unique("Site"),
				"allowedOrigins", List.of("*"), "greeting", "Hello!", "prechatEnabled", false));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		String key = channel.json().path("key").asString();
		try (Browser visitor = Browser.open(this.port)) {
			visitor.go("/widget/frame?channel=" + key);
			visitor.waitFor("#composer");
			// the same address arrives again within the minute: refused
			visitor.go("/widget/frame?channel=" + key);
			visitor.waitFor("#failed");
			assertThat(visitor.find("#failed").getText())
				.containsPattern("Too many attempts\\. Please try again in \\d+ seconds\\.");
			visitor.screenshot("rate-limited-widget-en-desktop");
			visitor.driver().manage().window().setSize(new Dimension(390, 844));
			visitor.screenshot("rate-limited-widget-en-phone");
		}
	}

	@Test
	void theSignInPageSaysHowLongToWait() {
		String name = unique("someone");
		try (Browser browser = Browser.open(this.port)) {
			browser.go("/console/login");
			for (int i = 0; i < 2; i++) {
				browser.type("#login-username", name);
				browser.type("#login-password", "Wrong-Passw0rd!");
				browser.click("#login-submit");
				browser.waitFor(".problem");
			}
			browser.type("#login-password", "Wrong-Passw0rd!" + "again");
			browser.click("#login-submit");
			browser.waitForText(".problem", "Too many attempts. Try again in");
			assertThat(browser.find(".problem").getText())
				.containsPattern("Too many attempts\\. Try again in \\d+ seconds\\.");
			browser.screenshotsInBothLanguages("rate-limited-sign-in", "#login-language");
		}
	}

}
