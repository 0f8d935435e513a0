package dev.parley.analytics.internal;

import java.time.Duration;

import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor opens the reports of his group, sees the day's headline figures, drills
 * from the first response time into the slowest conversation, and looks at his agents.
 * With {@code -Dparley.screenshots=DIR}: each screen in English and Chinese, desktop and
 * phone.
 */
class ReportBrowserTests extends IntegrationTest {

	@Autowired
	AnalyticsWorker worker;

	@Test
	void aSupervisorDrillsFromTheFirstResponseTimeIntoTheSlowestConversation() {
		ReportFixtures.Team team = new ReportFixtures(this.port, admin()).team();
		ReportFixtures.Visitor quick = team.visitor("Where is my parcel?");
		ReportFixtures.take(team.ann, quick.id());
		this.clock.advance(Duration.ofSeconds(12));
		ReportFixtures.agentSays(team.ann, quick.id(), "It arrives tomorrow");
		quick.says("Thanks!");
		this.clock.advance(Duration.ofSeconds(20));
		ReportFixtures.agentSays(team.ann, quick.id(), "You are welcome");
		assertThat(team.ann.post("/api/v1/conversations/" + quick.id() + "/close", java.util.Map.of()).status())
			.isEqualTo(200);
		quick.rates(5, "Very quick, thank you");

		ReportFixtures.Visitor slow = team.visitor("My refund has not arrived");
		this.clock.advance(Duration.ofSeconds(90));
		ReportFixtures.take(team.bob, slow.id());
		this.clock.advance(Duration.ofMinutes(6));
		ReportFixtures.agentSays(team.bob, slow.id(), "Sorry for the wait, checking now");
		assertThat(team.bob.post("/api/v1/conversations/" + slow.id() + "/close", java.util.Map.of()).status())
			.isEqualTo(200);
		slow.rates(2, "Far too slow");

		ReportFixtures.Visitor gone = team.visitor("Hello?");
		this.clock.advance(Duration.ofSeconds(45));
		gone.leaves();
		eventsHandled();
		this.worker.runOnce();

		try (Browser browser = Browser.open(this.port)) {
			browser.recordErrors();
			browser.signIn(team.sueName, OWN_PASSWORD);
			browser.go("/console/reports?preset=today");
			try {
				browser.waitFor("#reports-headlines");
			}
			catch (RuntimeException ex) {
				browser.screenshot("reports-debug");
				System.out.println("ERRORS " + browser.errors());
				throw ex;
			}
			browser.waitForText("#reports-headlines [data-figure=conversations] .kpi-value", "3");
			browser.waitFor("#reports-durations [data-duration=firstResponse]");
			browser.waitFor("#reports-heatmap");
			browser.screenshotsInBothLanguages("reports-overview", "#language-select");

			// the first response's figure opens the conversations, slowest first
			browser.click("#reports-durations [data-duration=firstResponse] button");
			browser.waitFor("#reports-conversations [data-conversation=\"" + slow.id() + "\"]");
			assertThat(browser.findAll("#reports-conversations tbody tr").get(0).getDomAttribute("data-conversation"))
				.isEqualTo(String.valueOf(slow.id()));
			assertThat(browser.driver().getCurrentUrl()).contains("tab=conversations").contains("sort=firstResponse");
			browser.screenshotsInBothLanguages("reports-conversations", "#language-select");

			// ... and exports them as they are listed: the slowest first
			String href = browser.find("#reports-export-xlsx").getDomAttribute("href");
			assertThat(href).startsWith("/api/v1/reports/conversations/export?")
				.contains("format=xlsx")
				.contains("sort=firstResponse");
			Object exported = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
					"const done = arguments[arguments.length - 1];"
							+ "fetch(arguments[0]).then((r) => done(r.status + ' ' + r.headers.get('content-type')));",
					href);
			assertThat(String.valueOf(exported)).startsWith("200 application/vnd.openxmlformats");

			browser.click("#reports-tab-agents");
			browser.waitFor("#reports-agents [data-id=\"" + team.bobId + "\"]");
			browser.screenshotsInBothLanguages("reports-agents", "#language-select");
			browser.click("#reports-tab-csat");
			browser.waitForText("#reports-comments", "Far too slow");
			browser.screenshotsInBothLanguages("reports-csat", "#language-select");
			assertThat(browser.errors()).isEmpty();
		}
	}

}
