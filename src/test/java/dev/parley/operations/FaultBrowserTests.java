package dev.parley.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.parley.operations.FaultApiTests.FAULTS;
import static dev.parley.operations.FaultApiTests.draft;
import static dev.parley.operations.FaultApiTests.move;
import static dev.parley.operations.FaultApiTests.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Technical support reports a fault in the console: a known issue with similar words is
 * suggested while typing; the fault goes through investigating, fixing and recovering; a
 * resolution without its summary is refused beside the fields; resolved with the summary
 * it shows its duration and the evidence of both windows, and once reviewed it is a known
 * issue. With {@code -Dparley.screenshots=DIR}: the list, the dialog, the fault and the
 * known issues in English and Chinese, desktop and phone width.
 */
class FaultBrowserTests extends IntegrationTest {

	@Test
	void supportReportsAFaultMovesItThroughTheFlowAndReviewsIt() {
		// the dialog proposes the browser's now as the start, which the server checks
		// against its clock: another test may have moved it
		this.clock.set(Instant.now());
		ApiClient admin = admin();
		JsonNode known = report(admin, draft("Mail queue stuck", "Replies wait in the outbox for hours",
				this.clock.instant().minus(Duration.ofDays(2))));
		known = move(admin, known, "RESOLVED", Map.of("note", "Found", "cause", "The SMTP password expired", "fix",
				"Renewed the SMTP password", "impact", "Replies late", "prevention", "Alert on the outbox age"));
		move(admin, known, "REVIEWED", Map.of());

		ApiClient support = signedInAs("support");
		String username = support.get("/api/v1/session").json().path("user").path("username").asString();
		try (Browser browser = Browser.open(this.port)) {
			try {
				scenario(browser, username);
			}
			catch (RuntimeException | AssertionError ex) {
				browser.screenshot("faults-failure");
				System.out.println("PAGE: " + browser.find("main").getText() + " ERRORS " + browser.errors());
				throw ex;
			}
		}
	}

	private void scenario(Browser browser, String username) {
		browser.recordErrors();
		browser.signIn(username, OWN_PASSWORD);
		browser.click("a[data-nav=\"faults\"]");
		browser.waitForText("h1", "Fault records");
		browser.waitFor("tr[data-fault]");
		browser.screenshotsInBothLanguages("faults-list", "#language-select");

		browser.click("#fault-report");
		browser.type("#fault-title", "Mail queue stuck again");
		browser.type("#fault-observed", "Replies wait in the outbox");
		browser.waitFor("[data-suggestion]");
		assertThat(browser.find("[data-suggestions]").getText()).contains("The SMTP password expired");
		browser.select("#fault-class", "NETWORK");
		browser.click("#fault-function-MAIL");
		browser.screenshotsInBothLanguages("faults-report", "#language-select");
		browser.click("#fault-report-save");
		browser.waitFor("[data-fault-title]");
		browser.waitForText("[data-fault-status]", "Reported");
		browser.screenshotsInBothLanguages("faults-reported", "#language-select");
		browser.waitFor("[data-evidence] [data-phase=\"OPENED\"] [data-kind=\"METRICS\"] canvas");

		browser.type("#fault-note", "Looking at the outbox");
		browser.click("[data-move=\"INVESTIGATING\"]");
		browser.waitForText("[data-fault-status]", "Investigating");
		browser.click("[data-move=\"FIXING\"]");
		browser.waitForText("[data-fault-status]", "Fixing");
		browser.type("#fault-fix", "Renewed the SMTP password again");
		browser.click("[data-move=\"RECOVERING\"]");
		browser.waitForText("[data-fault-status]", "Recovering");
		browser.click("[data-move=\"RESOLVED\"]");
		browser.waitFor("[data-error-for=\"cause\"]");
		assertThat(browser.find("[data-fault-status]").getText()).isEqualTo("Recovering");
		browser.type("#fault-verification", "A test reply left within a minute");
		browser.type("#fault-cause", "The SMTP password expired again");
		browser.type("#fault-impact", "Replies late for an hour");
		browser.type("#fault-prevention", "Rotate the password before it expires");
		browser.click("[data-move=\"RESOLVED\"]");
		browser.waitForText("[data-fault-status]", "Resolved");
		browser.waitFor("[data-fault-duration]");
		browser.waitFor("[data-evidence] [data-phase=\"RESOLVED\"] [data-log-line]");
		browser.script("window.scrollTo(0, 0)");
		browser.screenshotsInBothLanguages("faults-resolved", "#language-select");
		evidenceScreenshots(browser);
		browser.click("[data-move=\"REVIEWED\"]");
		browser.waitForText("[data-fault-status]", "Reviewed");
		assertThat(browser.findAll("[data-step]")).hasSizeGreaterThanOrEqualTo(6);
		assertThat(browser.findAll("[data-move]")).isEmpty();

		browser.click("a[data-nav=\"faults\"]");
		browser.click("[data-tab=\"known\"]");
		browser.type("#known-q", "SMTP");
		browser.click("#known-search");
		browser.waitForText(".known-list", "Rotate the password before it expires");
		browser.screenshotsInBothLanguages("faults-known", "#language-select");
		assertThat(browser.errors()).isEmpty();
	}

	/**
	 * The evidence section, scrolled to, in English and Chinese at desktop and phone
	 * width (target/screenshots; the language's texts reload, so each is scrolled to
	 * anew).
	 */
	private static void evidenceScreenshots(Browser browser) {
		for (String language : java.util.List.of("zh-CN", "en")) {
			browser.select("#language-select", language);
			browser.waitUntil((driver) -> language.equals(browser.script("return document.documentElement.lang")));
			for (int width : new int[] { 1366, 390 }) {
				browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
				browser.waitFor("[data-evidence] [data-phase=\"RESOLVED\"] [data-log-line]");
				browser.script("document.querySelector('[data-evidence]').scrollIntoView()");
				browser.screenshot("faults-evidence-" + language + ((width > 1000) ? "-desktop" : "-phone"));
			}
			browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
		}
	}

}
