package dev.parley.tickets.internal.mail;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.user.GreenMailUser;
import dev.parley.customers.CustomerContacts;
import dev.parley.notifications.internal.MailAccount;
import dev.parley.notifications.internal.MailAccountRepository;
import dev.parley.notifications.internal.MailSecurity;
import dev.parley.notifications.internal.ReplyTokens;
import dev.parley.notifications.internal.inbound.InboundMailTesting;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.MailServer;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
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

	static final String MAILBOX = "support@example.com";

	static final String HELP = "help@example.com";

	static final Session SESSION = Session.getInstance(new Properties());

	static MailServer server;

	static GreenMailUser mailbox;

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
		server = MailServer.onFreePorts();
		mailbox = server.greenMail().setUser(MAILBOX, MAILBOX, "mailbox-secret");
	}

	@AfterAll
	static void stopMailServer() {
		server.close();
	}

	@BeforeEach
	void pointAtMailServer() throws Exception {
		server.greenMail().purgeEmailFromAllMailboxes();
		this.accounts.save(new MailAccount(true, "127.0.0.1", server.smtpPort(), MailSecurity.NONE, null, null, MAILBOX,
				"Acme Support", MAILBOX, true, "127.0.0.1", server.imapPort(), MailSecurity.NONE, MAILBOX,
				"mailbox-secret", "INBOX", List.of(HELP)), "test");
	}

	@AfterEach
	void stopReading() {
		this.accounts.save(MailAccount.none(), "test");
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
		MimeMessage mail = new MimeMessage(SESSION);
		mail.setFrom(new InternetAddress(from));
		mail.setRecipients(RecipientType.TO, to);
		mail.setSubject(subject, "UTF-8");
		mail.setText(text, "UTF-8");
		mail.saveChanges();
		mail.setHeader("Message-ID", "<" + UUID.randomUUID() + "@customer.example>");
		return mail;
	}

	static void deliver(MimeMessage... mails) {
		for (MimeMessage mail : mails) {
			mailbox.deliver(mail);
		}
	}

	void poll() {
		Eventually.until("the reader polled the mailbox", () -> InboundMailTesting.pollNow(this.context));
	}

	String outcome(MimeMessage mail) throws Exception {
		return this.jdbc.sql("SELECT outcome FROM inbound_mail WHERE mail_key = ?")
			.param(InboundMailTesting.key(mail.getMessageID()))
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
