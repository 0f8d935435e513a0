package dev.parley.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import dev.parley.analytics.internal.textmining.MiningWorker;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor opens the reports of his group, sees the day's headline figures, drills
 * from the first response time into the slowest conversation, and looks at his agents.
 * With {@code -Dparley.screenshots=DIR}: each screen in English and Chinese, desktop and
 * phone. Then he looks at this week's hot topics and opens the conversations about
 * refunds.
 */
class ReportBrowserTests extends IntegrationTest {

	@Autowired
	AnalyticsWorker worker;

	@Autowired
	MiningWorker mining;

	/** The organisation's time zone in the tests. */
	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/**
	 * Now, or the nearest time of today between 00:30 and 23:00 in the organisation's
	 * time zone: the scenario moves the clock on by ten minutes, and its conversations
	 * must all fall on the one day the report shows (CI once ran it at 23:52 in
	 * Shanghai).
	 */
	private static Instant daytime() {
		ZonedDateTime now = ZonedDateTime.now(SHANGHAI);
		ZonedDateTime earliest = now.toLocalDate().atTime(0, 30).atZone(SHANGHAI);
		ZonedDateTime latest = now.toLocalDate().atTime(23, 0).atZone(SHANGHAI);
		return (now.isBefore(earliest) ? earliest : now.isAfter(latest) ? latest : now).toInstant();
	}

	@Test
	void aSupervisorDrillsFromTheFirstResponseTimeIntoTheSlowestConversation() {
		ReportFixtures.Team team = new ReportFixtures(this.port, admin()).team();
		Instant start = daytime();
		// last week, a visitor wrote about a late delivery: what this week's topics rise
		// from
		try {
			this.clock.set(start.minus(Duration.ofDays(7)));
			ReportFixtures.Visitor lastWeek = team.visitor("The delivery is late");
			ReportFixtures.take(team.ann, lastWeek.id());
			ReportFixtures.agentSays(team.ann, lastWeek.id(), "Sorry, it leaves today");
			assertThat(team.ann.post("/api/v1/conversations/" + lastWeek.id() + "/close", java.util.Map.of()).status())
				.isEqualTo(200);
		}
		finally {
			this.clock.set(start);
		}
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

		ReportFixtures.Visitor late = team.visitor("I want a refund, the delivery is late. Order SO20240512345");
		ReportFixtures.take(team.ann, late.id());
		ReportFixtures.agentSays(team.ann, late.id(), "I have started the refund");
		assertThat(team.ann.post("/api/v1/conversations/" + late.id() + "/close", java.util.Map.of()).status())
			.isEqualTo(200);

		ReportFixtures.Visitor gone = team.visitor("Hello?");
		this.clock.advance(Duration.ofSeconds(45));
		gone.leaves();
		eventsHandled();
		this.worker.runOnce();
		this.mining.runOnce();

		try (Browser browser = Browser.open(this.port)) {
			browser.recordErrors();
			browser.signIn(team.sueName, OWN_PASSWORD);
			LocalDate day = LocalDate.ofInstant(start, SHANGHAI);
			browser.go("/console/reports?from=" + day + "&to=" + day);
			browser.waitFor("#reports-headlines");
			browser.waitForText("#reports-headlines [data-figure=conversations] .kpi-value", "4");
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

			// a cell of the heat map opens the conversations started in that hour
			browser.click("#reports-tab-overview");
			browser.click("#reports-heatmap button.heat-cell");
			browser.waitFor("#reports-when");
			browser.waitFor("#reports-conversations [data-conversation=\"" + slow.id() + "\"]");
			assertThat(browser.driver().getCurrentUrl()).contains("weekday=").contains("hour=");

			browser.click("#reports-tab-agents");
			browser.waitFor("#reports-agents [data-id=\"" + team.bobId + "\"]");
			browser.waitFor("#reports-occupancy [data-agent=\"" + team.bobId + "\"]");
			browser.screenshotsInBothLanguages("reports-agents", "#language-select");
			browser.click("#reports-tab-csat");
			browser.waitForText("#reports-comments", "Far too slow");
			browser.screenshotsInBothLanguages("reports-csat", "#language-select");
			browser.click("#reports-tab-tickets");
			browser.waitFor("#reports-tickets-headlines [data-figure=created]");
			browser.screenshotsInBothLanguages("reports-tickets", "#language-select");

			// a weekly report for himself, every Monday at eight
			browser.click("#reports-tab-schedules");
			browser.click("#report-schedule-add");
			browser.type("#schedule-name", "Monday figures");
			browser.select("#schedule-frequency", "weekly");
			browser.screenshotsInBothLanguages("reports-schedule-dialog", "#language-select");
			browser.click("#schedule-save");
			browser.waitForText("#report-schedule-list", "Monday figures");
			browser.screenshotsInBothLanguages("reports-schedules", "#language-select");

			// this week's hot topics: "refund" rose (nothing the week before), in two
			// conversations
			browser.click("a[data-nav=text-mining]");
			browser.waitFor("#mining-hot [data-term=refund]");
			browser.waitFor("#mining-cloud [data-word=refund]");
			browser.screenshotsInBothLanguages("text-mining", "#language-select");
			browser.click("#mining-hot [data-term=refund] button");
			browser.waitFor("#mining-conversations [data-conversation=\"" + slow.id() + "\"]");
			browser.waitFor("#mining-conversations [data-conversation=\"" + late.id() + "\"]");
			assertThat(browser.findAll("#mining-conversations tbody tr")).hasSize(2);
			browser.waitFor("#mining-trend [data-trend-term=refund]");
			browser.waitForText("#mining-trend-totals", "refund");
			browser.screenshotsInBothLanguages("text-mining-refund", "#language-select");

			// the named things of the week: the order number, with its conversation
			browser.waitFor("#mining-export-csv");
			browser.click("#mining-tab-entities");
			browser.waitFor("#mining-entities-ORDER_NUMBER [data-entity=SO20240512345]");
			browser.waitFor("#mining-personal");
			browser.screenshotsInBothLanguages("text-mining-entities", "#language-select");
			browser.click("#mining-entities-ORDER_NUMBER [data-entity=SO20240512345] button");
			browser.waitFor("#mining-conversations [data-conversation=\"" + late.id() + "\"]");
			assertThat(browser.findAll("#mining-conversations tbody tr")).hasSize(1);
			assertThat(browser.errors()).isEmpty();
		}

		// the administrator adds a product name to the dictionary
		String product = "Kettle" + System.nanoTime() % 100000;
		try (Browser browser = Browser.open(this.port)) {
			browser.recordErrors();
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.go("/console/text-mining?tab=dictionary");
			browser.type("#mining-word", product);
			browser.select("#mining-kind", "PRODUCT");
			browser.click("#mining-word-add");
			browser.waitFor("#mining-words [data-word=\"" + product + "\"]");
			browser.waitFor("#mining-run-start");
			browser.screenshotsInBothLanguages("text-mining-dictionary", "#language-select");

			// ... and sees the card that recomputes the figures, which asks before it
			// starts
			// (not started here: the figures of the other tests stay as they are)
			browser.go("/console/reports?tab=schedules");
			browser.waitFor("#report-rebuild #report-rebuild-status");
			browser.click("#report-rebuild-start");
			browser.waitFor("#report-rebuild-confirm #report-rebuild-go");
			browser.screenshotsInBothLanguages("reports-rebuild", "#language-select");
			assertThat(browser.errors()).isEmpty();
		}
	}

}
