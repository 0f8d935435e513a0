package dev.parley.analytics.internal;

import java.util.List;
import java.util.Map;

import dev.parley.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the browser: a supervisor evaluates a closed conversation from its view (scores,
 * N/A, a comment, the total as it will be stored), finds it under Quality reviews and in
 * the checklist editor; the agent reads it with the comment. Screenshots (English and
 * Simplified Chinese, 1366 x 900 and 390 x 844) go to
 * target/screenshots/evaluation-*.png.
 */
class EvaluationBrowserTests extends EvaluationTestSupport {

	@Test
	void aSupervisorEvaluatesAClosedConversationAndTheAgentReadsIt() {
		Team team = new Team();
		long conversation = team.conversationAnnHandled();
		folded();
		List<JsonNode> enabled = new java.util.ArrayList<>();
		team.sue.get("/api/v1/evaluation-items").json().forEach((item) -> {
			if (item.path("enabled").asBoolean()) {
				enabled.add(item);
			}
		});
		try (Browser browser = Browser.open(this.port)) {
			browser.recordErrors();
			browser.signIn(team.sueName, OWN_PASSWORD);
			browser.go("/console/inbox?view=closed&conversation=" + conversation);
			browser.waitFor("#conv-evaluate");
			browser.click("#conv-evaluate");
			browser.waitFor("#evaluation-dialog [data-item]");
			int n = 0;
			for (JsonNode item : enabled) {
				String score = (n == 1) ? "na" : String.valueOf(5 - (n % 3));
				browser.click("#evaluation-dialog [data-item=\"" + item.path("id").asLong()
						+ "\"] label:has(input[data-score=\"" + score + "\"])");
				n++;
			}
			browser.type("#evaluation-comment", "Friendly and quick. Next time, confirm the order number first.");
			browser.waitForText("#evaluation-total", "/ 100");
			shots(browser, "dialog");
			browser.click("#evaluation-save");
			browser.waitUntilGone("#evaluation-dialog");
			JsonNode saved = team.sue.get("/api/v1/evaluations?conversationId=" + conversation).json().path("items");
			assertThat(saved).hasSize(1);
			assertThat(saved.get(0).path("comment").asString()).startsWith("Friendly and quick");
			browser.waitFor("#conversation-evaluations [data-evaluation]");

			browser.go("/console/evaluations");
			browser.waitFor("#evaluation-list [data-evaluation]");
			shots(browser, "list");
			browser.click("#evaluations-tab-checklist");
			browser.waitFor("#checklist-items [data-checklist-item]");
			shots(browser, "checklist");
			assertThat(browser.errors()).isEmpty();
		}
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(team.annName, OWN_PASSWORD);
			browser.waitFor("a[data-nav=evaluations]");
			browser.click("a[data-nav=evaluations]");
			browser.waitForText("#evaluation-list [data-evaluation] .evaluation-comment", "Friendly and quick");
			assertThat(browser.findAll("#evaluations-tab-checklist")).as("agents do not edit the checklist").isEmpty();
			shots(browser, "agent");
		}
	}

	/** The page in English and Chinese, on a desktop and a phone; English again after. */
	private static void shots(Browser browser, String name) {
		for (String language : List.of("en", "zh-CN")) {
			browser.select("#language-select", language);
			browser.waitUntil((d) -> language.equals(browser.script("return document.documentElement.lang")));
			browser.screenshot("evaluation-" + name + "-" + language + "-desktop");
			((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
			browser.waitUntil((d) -> ((Number) browser.script("return window.innerWidth")).intValue() == 390);
			browser.screenshot("evaluation-" + name + "-" + language + "-phone");
			((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			browser.waitUntil((d) -> ((Number) browser.script("return window.innerWidth")).intValue() > 1000);
		}
		browser.select("#language-select", "en");
		browser.waitUntil((d) -> "en".equals(browser.script("return document.documentElement.lang")));
	}

}
