package dev.parley.tickets.internal.mail;

import java.util.List;
import java.util.Map;

import dev.parley.customers.CustomerContacts;
import dev.parley.notifications.internal.MailAccountRepository;
import dev.parley.notifications.internal.ReplyTokens;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.MailServer;
import dev.parley.testing.SupportMailbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tickets by e-mail against a real mail server (GreenMail: SMTP for what Parley sends,
 * IMAP for the mailbox it reads), on the ticket core.
 */
abstract class TicketMailTest extends IntegrationTest {

	static final String MAILBOX = SupportMailbox.ADDRESS;

	static final String HELP = SupportMailbox.HELP;

	static SupportMailbox mailbox;

	static MailServer server;

	@Autowired
	MailAccountRepository accounts;

	@Autowired
	ReplyTokens tokens;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerContacts customers;

	@BeforeAll
	static void startMailServer() {
		mailbox = SupportMailbox.start();
		server = mailbox.server();
	}

	@AfterAll
	static void stopMailServer() {
		mailbox.close();
	}

	@BeforeEach
	void pointAtMailServer() throws Exception {
		server.greenMail().purgeEmailFromAllMailboxes();
		mailbox.connect(this.accounts);
	}

	@AfterEach
	void stopReading() {
		SupportMailbox.disconnect(this.accounts);
	}

	record Ticket(long id, String number, String subject, long customerId) {
	}

	/** A ticket made by a mail from the address to the support address. */
	Ticket ticketFrom(String from, String subject) throws Exception {
		MimeMessage mail = mail(from, HELP, subject, "Please help.");
		deliver(mail);
		poll();
		assertThat(outcome(mail)).isEqualTo("CREATED");
		return ticketOf(mail);
	}

	Ticket ticketOf(MimeMessage mail) throws Exception {
		return this.jdbc
			.sql("SELECT t.id, t.number, t.subject, t.customer_id FROM ticket t JOIN ticket_article a "
					+ "ON a.ticket_id = t.id WHERE a.message_id = ?")
			.param(mail.getMessageID())
			.query((rs, row) -> new Ticket(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.single();
	}

	List<String> articles(long ticketId) {
		return this.jdbc.sql("SELECT kind, body FROM ticket_article WHERE ticket_id = ? ORDER BY id")
			.param(ticketId)
			.query((rs, row) -> rs.getString(1) + ":" + rs.getString(2))
			.list();
	}

	String status(Ticket ticket) {
		return this.jdbc.sql("SELECT status FROM ticket WHERE id = ?").param(ticket.id()).query(String.class).single();
	}

	/** How many tickets customers with this address have. */
	long ticketCount(String from) {
		return this.jdbc.sql("SELECT customer_id FROM ticket")
			.query(Long.class)
			.list()
			.stream()
			.filter((customer) -> this.customers.hasEmail(customer, from))
			.count();
	}

	static void reply(ApiClient agent, Ticket ticket, String kind, String body) {
		ApiClient.Response written = agent.post("/api/v1/tickets/" + ticket.id() + "/articles",
				Map.of("kind", kind, "body", body));
		assertThat(written.status()).as(written.toString()).isEqualTo(201);
	}

	static String address(String name) {
		return unique(name).toLowerCase() + "@customer.example";
	}

	static MimeMessage mail(String from, String to, String subject, String text) throws Exception {
		return SupportMailbox.mail(from, to, subject, text);
	}

	static void deliver(MimeMessage... mails) {
		mailbox.deliver(mails);
	}

	void poll() {
		SupportMailbox.poll(this.context);
	}

	String outcome(MimeMessage mail) throws Exception {
		return SupportMailbox.outcome(this.jdbc, mail);
	}

}
