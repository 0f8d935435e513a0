package dev.parley.conversations;

import java.util.List;
import java.util.Map;

import dev.parley.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the console: a channel's identity secret is not shown again after it was made; the
 * editor says so, and regenerating it shows the new one once.
 */
class ChannelSecretBrowserTests extends ChatTest {

	@Test
	void theEditorShowsTheSecretOnlyRightAfterItIsRegenerated() {
		JsonNode channel = createChannel(Map.of());
		String name = channel.path("name").asString();
		String secret = channel.path("identitySecret").asString();
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			for (String language : List.of("zh-CN", "en")) {
				browser.go("/console/channels");
				browser.select("#language-select", language);
				browser.waitUntil((driver) -> language.equals(browser.script("return document.documentElement.lang")));
				browser.click("[data-edit=\"" + name + "\"]");
				browser.waitFor("#channel-secret-hidden");
				assertThat(browser.findAll("#channel-secret")).isEmpty();
				assertThat(browser.driver().getPageSource()).doesNotContain(secret);
				browser.script("document.querySelector('#channel-secret-hidden').scrollIntoView({block: 'center'})");
				capture(browser, "channel-secret-hidden-" + language);
			}

			browser.click("#channel-secret-rotate");
			browser.click("#channel-secret-rotate-confirm");
			browser.waitFor("#channel-secret");
			String shown = browser.find("#channel-secret").getText();
			assertThat(shown).hasSize(64).isNotEqualTo(secret);
			browser.script("document.querySelector('#channel-secret').scrollIntoView({block: 'center'})");
			capture(browser, "channel-secret-regenerated-en");
		}
	}

	/** With -Dparley.screenshots=DIR: the page at desktop and phone width. */
	private static void capture(Browser browser, String name) {
		String directory = System.getProperty("parley.screenshots");
		if (directory == null) {
			return;
		}
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		for (int[] size : new int[][] { { 1366, 900 }, { 390, 844 } }) {
			chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", size[0] < 500));
			browser.waitUntil((driver) -> ((Number) browser.script("return window.innerWidth")).intValue() == size[0]);
			Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
			try {
				java.nio.file.Path target = java.nio.file.Path.of(directory,
						name + ((size[0] < 500) ? "-phone.png" : "-desktop.png"));
				java.nio.file.Files.createDirectories(target.getParent());
				java.nio.file.Files.write(target, java.util.Base64.getDecoder().decode((String) shot.get("data")));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

}
