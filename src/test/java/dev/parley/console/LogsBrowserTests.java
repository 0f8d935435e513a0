package dev.parley.console;

import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Logs screen over the files this JVM writes: an error found by level and text, its
 * stack trace, the lines around it, the lines of its correlation id, following live and
 * the download of the filter; screenshots in both languages.
 */
class LogsBrowserTests extends IntegrationTest {

	private static final Logger logger = LoggerFactory.getLogger("dev.parley.testing.LogsScreen");

	@Test
	void findsAnErrorItsStackTraceItsNeighboursAndItsRequest() {
		String marker = unique("Boom");
		String correlation = unique("corr");
		MDC.put("correlation.id", correlation);
		try {
			logger.warn("Before the " + marker);
			logger.error("Failed with " + marker, new IllegalStateException("the disk is full"));
		}
		finally {
			MDC.remove("correlation.id");
		}
		try (Browser browser = Browser.open(this.port)) {
			browser.recordErrors();
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.go("/console/logs");
			browser.waitFor("#logs-search");
			browser.click("input[data-level=ERROR]");
			browser.type("#logs-text", marker);
			browser.waitUntil((driver) -> {
				browser.click("#logs-search");
				return browser.findAll("tr.logs-row").size() == 1;
			});
			assertThat(browser.find("tr.logs-row").getText()).contains("Failed with " + marker).contains("ERROR");
			browser.click("tr.logs-row");
			browser.waitForText("tr.logs-detail", "java.lang.IllegalStateException: the disk is full");
			browser.screenshotsInBothLanguages("logs", "#language-select");

			browser.click(".logs-open-around");
			browser.waitFor("#logs-around .logs-here");
			assertThat(browser.find("#logs-around .logs-here").getText()).contains("Failed with " + marker);
			assertThat(browser.find("#logs-around").getText()).contains("Before the " + marker);
			browser.screenshotsInBothLanguages("logs-around", "#language-select");
			browser.click("#logs-around button");

			// the line stays open in the list
			browser.click(".logs-correlation");
			browser.waitUntil((driver) -> browser.findAll("tr.logs-row").size() == 2);
			assertThat(browser.find("#logs-correlation").getAttribute("value")).isEqualTo(correlation);
			assertThat(browser.find("#logs-download").getAttribute("href")).contains("correlationId=" + correlation);

			browser.click("#logs-follow");
			browser.waitForText("#logs-follow", "Stop following");
			logger.error("Later " + marker);
			browser.click("#logs-correlation");
			browser.click("#logs-follow");
			assertThat(browser.errors()).isEmpty();
		}
	}

}
