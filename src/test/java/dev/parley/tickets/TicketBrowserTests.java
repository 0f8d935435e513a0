package dev.parley.tickets;

import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's ticket screens: an agent turns a chat into a ticket from the inbox,
 * replies, writes a note, moves it to pending and to solved, and finds it in the list; a
 * supervisor's transfer asks for a reason; a change someone else made meanwhile is shown,
 * not overwritten. Screenshots (desktop and phone, English and Chinese) go to
 * target/screenshots/tickets-*.png.
 */
class TicketBrowserTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAgentTurnsAChatIntoATicketRepliesAndSolvesItAndFindsItInTheList() {
		TicketFixtures f = new TicketFixtures(this.jdbc, admin());
		long conversationId = f.chat(client(), "王芳", "我的订单 1024 还没到，已经一周了", null);
		TicketFixtures.Staff agent = f.staff("agent", client());
		f.take(agent.api(), conversationId);
		ApiClient.Response canned = agent.api()
			.post("/api/v1/canned-responses", Map.of("shortcut", "courier", "title", "Courier", "scope", "personal",
					"text", "Dear {customer.name}, we have asked the courier about your order."));
		assertThat(canned.status()).as(canned.toString()).isEqualTo(201);
		long ticketId;
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(agent.name(), OWN_PASSWORD);
			browser.go("/console/inbox?view=mine&conversation=" + conversationId);
			browser.waitFor("#conv-create-ticket");
			browser.click("#conv-create-ticket");
			browser.waitUntil((d) -> d.getCurrentUrl().matches(".*/console/tickets/\\d+$"));
			ticketId = Long.parseLong(browser.path().replaceAll("\\D+", ""));
			browser.waitForText("#ticket-subject", "我的订单 1024 还没到");
			browser.waitForText("#ticket-status-badge", "New");
			browser.waitFor("#ticket-conversations [data-conversation-id=\"" + conversationId + "\"]");
			browser.waitForText("#ticket-customer", "王芳");

			// canned responses as in the inbox: "/" opens the same picker, placeholders
			// filled
			browser.type("#ticket-reply-box", "/cour");
			browser.waitFor("#ticket-canned-picker [data-canned=courier]");
			browser.press(Keys.ENTER);
			browser.waitUntil((d) -> String.valueOf(browser.find("#ticket-reply-box").getDomProperty("value"))
				.startsWith("Dear 王芳, we have asked the courier"));
			browser.click("#ticket-send");
			browser.waitFor("#ticket-articles [data-kind=REPLY]");
			browser.waitForText("#ticket-articles [data-kind=REPLY]", "Dear 王芳, we have asked the courier");
			browser.waitFor("#ticket-status-badge[data-status=OPEN]");

			// an internal note, with the colleague picker on "@"
			browser.click("#compose-note");
			browser.type("#ticket-reply-box", "@");
			browser.waitFor("#ticket-mention-picker");
			browser.press(Keys.ESCAPE);
			browser.type("#ticket-reply-box", " courier says Friday");
			browser.click("#ticket-send");
			browser.waitForText("#ticket-articles [data-kind=NOTE]", "courier says Friday");
			assertThat(browser.findAll("#ticket-also-sms")).as("no text message for a note").isEmpty();

			browser.select("#ticket-status-select", "PENDING");
			browser.waitFor("#ticket-status-badge[data-status=PENDING]");
			browser.select("#ticket-pending-on", "THIRD_PARTY");
			browser.waitForText("#ticket-status-badge", "third party");
			save(browser, "page");
			browser.select("#ticket-status-select", "SOLVED");
			browser.waitFor("#ticket-status-badge[data-status=SOLVED]");

			browser.click("#ticket-tab-history");
			browser.waitFor("#ticket-history [data-action=status]");
			browser.waitFor("#ticket-history [data-action=\"conversation.linked\"]");
			browser.waitForText("#ticket-history", "Solved");
			save(browser, "history");

			browser.click("[data-ticket-view=all]");
			browser.waitFor("#ticket-results [data-ticket=\"" + ticketId + "\"]");
			browser.waitForText("#ticket-results [data-ticket=\"" + ticketId + "\"] [data-status]", "Solved");
			browser.waitFor("#nav-ticket-views [data-count=pending]");
			save(browser, "list");
			browser.click("#ticket-results [data-ticket=\"" + ticketId + "\"] td.pick input");
			browser.waitForText("#ticket-bulk-count", "1 chosen");
			save(browser, "list-bulk");
			// unticked again, the bulk bar goes (the list holds other tests' tickets too,
			// so
			// "pick all" would choose more than this one)
			browser.click("#ticket-results [data-ticket=\"" + ticketId + "\"] td.pick input");
			browser.waitUntilGone("#ticket-bulk");

			phone(browser);
			save(browser, "list-phone");
			browser.go("/console/tickets/" + ticketId);
			browser.waitFor("#ticket-articles [data-kind=NOTE]");
			save(browser, "page-phone");
			browser.select("#language-select", "zh-CN");
			browser.waitUntil((d) -> "zh-CN".equals(browser.script("return document.documentElement.lang")));
			browser.waitForText("#ticket-status-badge", "已解决");
			save(browser, "page-phone-zh-CN");
			browser.go("/console/tickets?view=all");
			browser.waitFor("#ticket-results [data-ticket=\"" + ticketId + "\"]");
			save(browser, "list-phone-zh-CN");
			desktop(browser);
			browser.go("/console/tickets?view=all");
			browser.waitFor("#ticket-results [data-ticket=\"" + ticketId + "\"]");
			save(browser, "list-zh-CN");
			browser.go("/console/tickets/" + ticketId);
			browser.waitFor("#ticket-articles [data-kind=NOTE]");
			save(browser, "page-zh-CN");
			browser.select("#language-select", "en");
		}
		JsonNode ticket = admin().get("/api/v1/tickets/" + ticketId).json();
		assertThat(ticket.path("status").asString()).isEqualTo("SOLVED");
		assertThat(ticket.path("conversations").toString()).contains(String.valueOf(conversationId));
		JsonNode articles = admin().get("/api/v1/tickets/" + ticketId + "/articles").json().path("items");
		assertThat(articles).extracting((a) -> a.path("kind").asString()).containsExactly("REPLY", "NOTE");
	}

	@Test
	void aSupervisorsTransferOfAnAssignedTicketNeedsAReasonAndAStaleChangeIsShownNotOverwritten() {
		TicketFixtures f = new TicketFixtures(this.jdbc, admin());
		TicketFixtures.Staff first = f.staff("agent", client());
		TicketFixtures.Staff second = f.staff("agent", client());
		TicketFixtures.Staff supervisor = f.staff("supervisor", client());
		long customer = f.customer(unique("李雷"));
		long id;
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(supervisor.name(), OWN_PASSWORD);
			browser.go("/console/tickets/new?customer=" + customer);
			browser.waitFor("#picked-customer[data-customer-id=\"" + customer + "\"]");
			browser.type("#new-ticket-subject", "Refund twice charged");
			browser.type("#new-ticket-description", "The card was charged twice for order 1001.");
			browser.select("#new-ticket-priority", "HIGH");
			browser.waitFor("#new-ticket-assignee option[value=\"" + first.id() + "\"]");
			browser.select("#new-ticket-assignee", String.valueOf(first.id()));
			browser.type("#new-ticket-tags", "refund, 退款");
			save(browser, "new");
			browser.click("#new-ticket-create");
			browser.waitUntil((d) -> d.getCurrentUrl().matches(".*/console/tickets/\\d+$"));
			id = Long.parseLong(browser.path().replaceAll("\\D+", ""));
			browser.waitForText("#ticket-subject", "Refund twice charged");
			browser.waitForText("#ticket-description", "charged twice");
			browser.waitForText("#ticket-fields", "退款");
			browser.waitForText("#ticket-assignee", first.name());
			browser.click("#ticket-assign");
			browser.waitFor("#assign-agent option[value=\"" + second.id() + "\"]");
			browser.select("#assign-agent", String.valueOf(second.id()));
			browser.click("#assign-submit");
			browser.waitFor("#assign-reason-required");
			save(browser, "transfer-reason");
			assertThat(admin().get("/api/v1/tickets/" + id).json().path("assignee").path("id").asLong())
				.as("nothing sent without a reason")
				.isEqualTo(first.id());
			browser.type("#assign-reason", "Goes on holiday tomorrow");
			browser.click("#assign-submit");
			browser.waitUntilGone("#assign-form");
			browser.waitForText("#ticket-assignee", second.name());
			browser.click("#ticket-tab-history");
			browser.waitForText("#ticket-history [data-action=transferred]", "Goes on holiday tomorrow");

			// someone else changes the ticket: the next change here is refused and said
			// so
			int version = admin().get("/api/v1/tickets/" + id).json().path("version").asInt();
			ApiClient.Response meanwhile = admin().send("PATCH", "/api/v1/tickets/" + id,
					Map.of("version", version, "priority", "URGENT"), "application/json");
			assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(200);
			browser.select("#ticket-priority-select", "LOW");
			browser.waitFor("#ticket-stale");
			assertThat(admin().get("/api/v1/tickets/" + id).json().path("priority").asString()).isEqualTo("URGENT");
			browser.click("#ticket-reload");
			browser.waitUntilGone("#ticket-stale");
			browser.waitFor(".ticket-head .priority[data-priority=URGENT]");
		}
	}

	private static void phone(Browser browser) {
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		browser.waitUntil((d) -> ((Number) browser.script("return window.innerWidth")).intValue() == 390);
	}

	private static void desktop(Browser browser) {
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		browser.waitUntil((d) -> ((Number) browser.script("return window.innerWidth")).intValue() > 1000);
	}

	private static void save(Browser browser, String name) {
		browser.screenshot("tickets-" + name);
	}

}
