package dev.parley.tickets.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.parley.notifications.internal.MailAccount;
import dev.parley.notifications.internal.MailAccountRepository;
import dev.parley.platform.PersonalData;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.MailServer;
import dev.parley.tickets.TicketFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the browser: a portal customer finds his ticket under "My tickets", reads the
 * agent's reply (by the agent's public name; the internal note nowhere), replies, marks
 * it solved, opens a new ticket, and sees that a closed ticket asks for a new one. With
 * {@code -Dparley.screenshots=
 *
<dir>
 * } it also leaves screenshots there (1366 x 900 and 390 x 844, English and Simplified
 * Chinese).
 */
class PortalTicketBrowserTests extends IntegrationTest {

	private static MailServer mail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personal;

	@BeforeAll
	static void startMailServer() {
		mail = MailServer.onFreePorts();
	}

	@AfterAll
	static void stopMailServer() {
		mail.close();
	}

	@AfterEach
	void noMailAccount(@Autowired MailAccountRepository accounts) {
		accounts.save(MailAccount.none(), "test");
	}

	@Test
	void aCustomerReadsRepliesSolvesAndOpensTicketsInThePortal() {
		assertThat(admin().put("/api/v1/mail-account", mail.account("support@acme.test")).status()).isEqualTo(200);
		String email = unique("tickets") + "@example.com";
		long customer = PortalCustomers.signedIn(client(), mail, this.jdbc, this.personal, email);
		ApiClient agent = signedInAs("agent");
		long agentId = TicketFixtures.userId(agent);
		assertThat(admin()
			.put("/api/v1/agents/" + agentId,
					Map.of("publicName", "Lily", "languages", List.of(), "skills", List.of(), "capacity", 3))
			.status()).isEqualTo(200);
		TicketFixtures f = new TicketFixtures(this.jdbc, admin());
		JsonNode closed = f.ticket(agent, customer, Map.of("subject", "Invoice for May"));
		assertThat(admin()
			.send("PATCH", "/api/v1/tickets/" + closed.path("id").asLong(),
					Map.of("version", closed.path("version").asInt(), "status", "CLOSED"), "application/json")
			.status()).isEqualTo(200);
		long ticket = f
			.ticket(agent, customer,
					Map.of("subject", "Refund for order 1001", "description", "I paid twice", "assigneeId", agentId))
			.path("id")
			.asLong();
		agent.post("/api/v1/tickets/" + ticket + "/articles", Map.of("kind", "NOTE", "body", "Check the VIP list"));
		agent.post("/api/v1/tickets/" + ticket + "/articles",
				Map.of("kind", "REPLY", "body", "We are refunding the second payment.", "status", "PENDING"));

		try (Browser browser = Browser.open(this.port)) {
			PortalCustomers.signIn(browser, email);
			browser.click("#nav-tickets");
			browser.waitForPath("/portal/tickets");
			browser.waitForText("#ticket-list li[data-ticket='" + ticket + "']", "Waiting for your reply");
			assertThat(browser.find("#ticket-list").getText()).contains("Refund for order 1001", "Invoice for May");
			browser.screenshotsInBothLanguages("portal-tickets", "#portal-language");

			browser.click("#ticket-list li[data-ticket='" + ticket + "'] a");
			browser.waitForPath("/portal/tickets/" + ticket);
			browser.waitForText("#ticket-lines", "We are refunding the second payment.");
			assertThat(browser.find("#ticket-lines").getText()).contains("Lily", "I paid twice")
				.doesNotContain("VIP", "User ");
			browser.screenshotsInBothLanguages("portal-ticket", "#portal-language");
			browser.type("#ticket-reply", "Thank you, I will check my account.");
			browser.click("#ticket-send");
			browser.waitForText("#ticket-lines", "Thank you, I will check my account.");
			browser.waitForText("#ticket-status", "In progress");
			browser.click("#ticket-solve");
			browser.waitForText("#ticket-status", "Solved");
			browser.waitForText("#ticket-notice", "Marked as solved");

			browser.go("/portal/tickets/" + closed.path("id").asLong());
			browser.waitForText("#ticket-closed", "open a new ticket");
			assertThat(browser.findAll("#ticket-reply")).isEmpty();

			browser.go("/portal/tickets");
			browser.click("#ticket-new");
			browser.waitForPath("/portal/tickets/new");
			browser.type("#ticket-subject", "The charger does not work");
			browser.type("#ticket-description", "It stopped after two days.\nOrder 2002.");
			browser.screenshotsInBothLanguages("portal-ticket-new", "#portal-language");
			browser.click("#ticket-submit");
			browser.waitForText("#ticket-notice", "Your ticket is open");
			browser.waitForText("#ticket-subject-line", "The charger does not work");
			assertThat(this.jdbc.sql("SELECT origin FROM ticket WHERE customer_id = ? AND subject = ?")
				.params(customer, "The charger does not work")
				.query(String.class)
				.single()).isEqualTo("PORTAL");
		}
	}

}
