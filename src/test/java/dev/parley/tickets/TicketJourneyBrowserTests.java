package dev.parley.tickets;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.parley.notifications.internal.MailAccountRepository;
import dev.parley.platform.PersonalData;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.MailServer;
import dev.parley.testing.SupportMailbox;
import dev.parley.tickets.portal.PortalCustomers;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket from end to end, as its people see it: an agent turns a portal customer's chat
 * into a ticket in the console and answers it; the answer reaches the customer by e-mail,
 * his e-mailed reply comes back into the ticket and starts the next-response clock (the
 * SLA due time the page shows moves); the agent solves it; the customer finds it solved
 * in the portal, answered under the agent's public name. Screenshots go to
 * target/screenshots/journey-*.png.
 */
class TicketJourneyBrowserTests extends IntegrationTest {

	private static final String PUBLIC_NAME = "Lily";

	private static SupportMailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personal;

	@Autowired
	MailAccountRepository accounts;

	@Autowired
	ApplicationContext context;

	@BeforeAll
	static void startMailServer() {
		mailbox = SupportMailbox.start();
	}

	@AfterAll
	static void stopMailServer() {
		mailbox.close();
	}

	@BeforeEach
	void sendAndReadMail() {
		mailbox.connect(this.accounts);
	}

	@AfterEach
	void noMailAccount() {
		SupportMailbox.disconnect(this.accounts);
	}

	@Test
	void aChatBecomesATicketAnsweredByMailSolvedAndSeenSolvedInThePortal() throws Exception {
		// a portal customer with a verified address; the shop's chat vouches for it
		String email = unique("journey").toLowerCase() + "@example.com";
		long customer = PortalCustomers.signedIn(client(), mailbox.server(), this.jdbc, this.personal, email);
		TicketFixtures f = new TicketFixtures(this.jdbc, admin());
		TicketFixtures.Staff agent = f.staff("agent", client());
		publicName(agent, PUBLIC_NAME);
		long group = f.group(unique("Refunds"), List.of(agent.id()));
		long policy = slaPolicy(group);
		long conversation = f.chat(client(), "Li Lei", "My refund for order 1001 has not arrived", email);
		f.take(agent.api(), conversation);

		long ticket;
		try (Browser browser = Browser.open(this.port)) {
			// the agent turns the chat into a ticket, takes it and puts it in his group,
			// whose SLA policy applies (taking and choosing the group at once is refused
			// without ticket.assign)
			browser.signIn(agent.name(), OWN_PASSWORD);
			browser.go("/console/inbox?view=mine&conversation=" + conversation);
			browser.click("#conv-create-ticket");
			browser.waitUntil((d) -> d.getCurrentUrl().matches(".*/console/tickets/\\d+$"));
			ticket = Long.parseLong(browser.path().replaceAll("\\D+", ""));
			browser.waitForText("#ticket-subject", "My refund for order 1001 has not arrived");
			browser.waitFor("#ticket-customer-link[data-customer-id=\"" + customer + "\"]");
			browser.click("#ticket-take");
			browser.waitFor("#ticket-assignee[data-assignee-id=\"" + agent.id() + "\"]");
			browser.click("#ticket-assign");
			browser.waitFor("#assign-group option[value=\"" + group + "\"]");
			browser.select("#assign-group", String.valueOf(group));
			browser.select("#assign-agent", String.valueOf(agent.id()));
			browser.click("#assign-submit");
			browser.waitUntilGone("#assign-form");
			browser.waitFor("#ticket-group[data-group-id=\"" + group + "\"]");
			browser.waitFor("#ticket-sla li[data-target=FIRST_RESPONSE][data-state=RUNNING]");
			browser.screenshot("journey-1-ticket-from-chat");

			// he answers publicly: the first response is met, the solution is due next
			browser.type("#ticket-reply-box", "We found your payment and are sending the refund again.");
			browser.click("#ticket-send");
			browser.waitForText("#ticket-articles [data-kind=REPLY]", "sending the refund again");
			browser.waitFor("#ticket-sla li[data-target=FIRST_RESPONSE][data-state=MET]");
			String dueAfterAnswer = browser.find("#ticket-sla-due").getText();
			assertThat(dueAfterAnswer).isEqualTo(browser.find("#ticket-sla li[data-target=RESOLUTION] .due").getText());

			// the answer arrives by e-mail, signed with his public name only
			String number = browser.find("#ticket-number").getText();
			MimeMessage answer = awaitMail(email, number);
			assertThat(answer.getSubject()).isEqualTo("[" + number + "] My refund for order 1001 has not arrived");
			assertThat(MailServer.part(answer, "text/plain")).contains("sending the refund again", PUBLIC_NAME)
				.doesNotContain(agent.name());

			// ten minutes later the customer replies to it from his mail program
			this.clock.advance(Duration.ofMinutes(10));
			MimeMessage reply = SupportMailbox.mail(email, answer.getHeader("Reply-To", null),
					"Re: " + answer.getSubject(),
					"It is still not on my card.\n\nOn Monday Acme Support wrote:\n> sending the refund again");
			reply.setHeader("In-Reply-To", answer.getMessageID());
			mailbox.deliver(reply);
			SupportMailbox.poll(this.context);
			assertThat(SupportMailbox.outcome(this.jdbc, reply)).isEqualTo("POSTED");

			// the agent sees it on the ticket; the next-response clock now sets the due
			// time
			browser.go("/console/tickets/" + ticket);
			browser.waitForText("#ticket-articles [data-kind=CUSTOMER]", "It is still not on my card.");
			browser.waitFor("#ticket-sla li[data-target=NEXT_RESPONSE][data-state=RUNNING]");
			String dueAfterReply = browser.find("#ticket-sla-due").getText();
			assertThat(dueAfterReply).isNotEqualTo(dueAfterAnswer)
				.isEqualTo(browser.find("#ticket-sla li[data-target=NEXT_RESPONSE] .due").getText());
			assertThat(browser.find("#ticket-articles [data-kind=CUSTOMER]").getText())
				.doesNotContain("On Monday Acme Support wrote");
			browser.screenshot("journey-2-customer-replied-by-mail");

			// and solves it
			browser.select("#ticket-status-select", "SOLVED");
			browser.waitFor("#ticket-status-badge[data-status=SOLVED]");
			browser.waitFor("#ticket-sla li[data-target=RESOLUTION][data-state=MET]");
			browser.screenshot("journey-3-solved");
		}

		try (Browser browser = Browser.open(this.port)) {
			// the customer finds it solved in the portal, answered by "Lily"
			PortalCustomers.signIn(browser, email);
			browser.click("#nav-tickets");
			browser.waitForPath("/portal/tickets");
			browser.waitForText("#ticket-list li[data-ticket='" + ticket + "']", "Solved");
			browser.click("#ticket-list li[data-ticket='" + ticket + "'] a");
			browser.waitForPath("/portal/tickets/" + ticket);
			browser.waitForText("#ticket-status", "Solved");
			browser.waitForText("#ticket-lines", "sending the refund again");
			assertThat(browser.find("#ticket-lines").getText()).contains(PUBLIC_NAME, "It is still not on my card.")
				.doesNotContain(agent.name(), "User ");
			browser.screenshot("journey-4-portal");
		}
		assertThat(admin().delete("/api/v1/ticket-sla-policies/" + policy).status()).isEqualTo(204);
	}

	private void publicName(TicketFixtures.Staff agent, String name) {
		ApiClient.Response named = admin().put("/api/v1/agents/" + agent.id(),
				Map.of("publicName", name, "languages", List.of(), "skills", List.of(), "capacity", 3));
		assertThat(named.status()).as(named.toString()).isEqualTo(200);
	}

	/**
	 * Around the clock: first response 30 minutes, next response 60, solution 8 hours.
	 */
	private long slaPolicy(long group) {
		ApiClient.Response created = admin().post("/api/v1/ticket-sla-policies",
				Map.of("name", unique("Refunds SLA"), "groupId", group, "firstResponseMinutes", 30,
						"nextResponseMinutes", 60, "resolutionMinutes", 480, "calendar", "ALWAYS"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	/** The ticket's e-mail to the address (the first with its number in the subject). */
	private static MimeMessage awaitMail(String address, String number) {
		Eventually.until("an e-mail of " + number + " to " + address,
				() -> mailbox.server().messagesTo(address).stream().anyMatch((m) -> subject(m).contains(number)));
		return mailbox.server()
			.messagesTo(address)
			.stream()
			.filter((m) -> subject(m).contains(number))
			.findFirst()
			.orElseThrow();
	}

	private static String subject(MimeMessage message) {
		try {
			return String.valueOf(message.getSubject());
		}
		catch (MessagingException ex) {
			throw new AssertionError(ex);
		}
	}

}
