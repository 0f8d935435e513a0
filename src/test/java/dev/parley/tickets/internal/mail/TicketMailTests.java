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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tickets by e-mail against a real mail server (GreenMail: SMTP for what Parley sends,
 * IMAP for the mailbox it reads): a mail to the support address makes a ticket and is
 * acknowledged, an agent's public reply reaches the customer with the ticket's token, his
 * answer comes back into the ticket, and forged, mismatched, automatic and repeated mail
 * posts nothing. On the ticket core: tickets, articles and replies are its own.
 */
class TicketMailTests extends IntegrationTest {

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

	@Test
	void aMailToTheSupportAddressMakesATicketAcknowledgedWithItsNumberAndToken() throws Exception {
		String carol = address("carol");
		MimeMessage mail = mail(carol, HELP, "My order 5512 never came", "It was due on Monday.\n\nCarol");
		deliver(mail);
		poll();

		assertThat(outcome(mail)).isEqualTo("CREATED");
		Ticket ticket = ticketOf(mail);
		assertThat(ticket.subject()).isEqualTo("My order 5512 never came");
		assertThat(this.customers.hasEmail(ticket.customerId(), carol)).isTrue();
		assertThat(articles(ticket.id())).containsExactly("CUSTOMER:It was due on Monday.\n\nCarol");

		MimeMessage ack = server.awaitMessagesTo(carol, 1).get(0);
		String token = this.tokens
			.tokenFor(new dev.parley.notifications.MailThread("t", ticket.id(), ticket.customerId()));
		assertThat(ack.getSubject()).isEqualTo("[" + ticket.number() + "] My order 5512 never came");
		assertThat(ack.getHeader("Reply-To", null)).isEqualTo("support+" + token + "@example.com");
		assertThat(ack.getMessageID()).startsWith("<parley." + token + ".");
		assertThat(MailServer.part(ack, "text/plain")).contains(ticket.number());
	}

	@Test
	void aSecondMailFromTheSameAddressFindsTheSameCustomer() throws Exception {
		String dave = address("dave");
		MimeMessage first = mail(dave, HELP, "First", "one");
		MimeMessage second = mail(dave, HELP, "Second", "two");
		deliver(first, second);
		poll();

		assertThat(ticketOf(first).customerId()).isEqualTo(ticketOf(second).customerId());
		assertThat(ticketOf(first).id()).isNotEqualTo(ticketOf(second).id());
	}

	@Test
	void anAgentsPublicReplyReachesTheCustomerAndHisAnswerComesBackIntoTheTicket() throws Exception {
		String erin = address("erin");
		Ticket ticket = ticketFrom(erin, "Refund please");
		MimeMessage ack = server.awaitMessagesTo(erin, 1).get(0);
		ApiClient agent = signedInAs("agent");

		reply(agent, ticket, "NOTE", "Checking with the warehouse.");
		reply(agent, ticket, "REPLY", "The refund is on its way.");

		MimeMessage reply = server.awaitMessagesTo(erin, 2).get(1);
		String token = this.tokens
			.tokenFor(new dev.parley.notifications.MailThread("t", ticket.id(), ticket.customerId()));
		assertThat(reply.getSubject()).isEqualTo("[" + ticket.number() + "] Refund please");
		assertThat(reply.getHeader("Reply-To", null)).isEqualTo("support+" + token + "@example.com");
		assertThat(reply.getMessageID()).startsWith("<parley." + token + ".");
		assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(ack.getMessageID());
		String text = MailServer.part(reply, "text/plain");
		assertThat(text).contains("The refund is on its way.")
			.contains("User agent-")
			.doesNotContain("Checking with the warehouse");
		eventsHandled();
		assertThat(server.messagesTo(erin)).as("the note is not mailed").hasSize(2);

		MimeMessage answer = mail(erin, "support+" + token + "@example.com", "Re: [" + ticket.number() + "]",
				"Thank you!\n\nOn Monday Acme wrote:\n> The refund is on its way.");
		answer.setHeader("In-Reply-To", reply.getMessageID());
		deliver(answer);
		poll();

		assertThat(outcome(answer)).isEqualTo("POSTED");
		assertThat(articles(ticket.id())).endsWith("CUSTOMER:Thank you!");
		assertThat(this.jdbc.sql("SELECT via FROM ticket_article WHERE message_id = ?")
			.param(answer.getMessageID())
			.query(String.class)
			.single()).isEqualTo("EMAIL");
	}

	@Test
	void aReplyFoundOnlyByItsReferencesComesBackToo() throws Exception {
		String frank = address("frank");
		Ticket ticket = ticketFrom(frank, "Where is it");
		MimeMessage ack = server.awaitMessagesTo(frank, 1).get(0);

		// the reply address dropped (sent to the plain support address), the thread kept
		MimeMessage answer = mail(frank, HELP, "Re: Where is it", "Any news?");
		answer.setHeader("References", ack.getMessageID());
		deliver(answer);
		poll();

		assertThat(outcome(answer)).isEqualTo("POSTED");
		assertThat(articles(ticket.id())).endsWith("CUSTOMER:Any news?");
	}

	@Test
	void anAnswerReopensASolvedTicketAndAClosedOneTakesNone() throws Exception {
		String nina = address("nina");
		Ticket ticket = ticketFrom(nina, "Solved?");
		String token = this.tokens
			.tokenFor(new dev.parley.notifications.MailThread("t", ticket.id(), ticket.customerId()));
		this.jdbc.sql("UPDATE ticket SET status = 'SOLVED', solved_at = ? WHERE id = ?")
			.params(this.clock.millis(), ticket.id())
			.update();

		MimeMessage again = mail(nina, "support+" + token + "@example.com", "Re: Solved?", "Not quite.");
		deliver(again);
		poll();
		assertThat(outcome(again)).isEqualTo("POSTED");
		assertThat(status(ticket)).isEqualTo("OPEN");

		this.jdbc.sql("UPDATE ticket SET status = 'CLOSED', closed_at = ? WHERE id = ?")
			.params(this.clock.millis(), ticket.id())
			.update();
		MimeMessage late = mail(nina, "support+" + token + "@example.com", "Re: Solved?", "Hello?");
		deliver(late);
		poll();
		assertThat(outcome(late)).isEqualTo("REFUSED");
		assertThat(articles(ticket.id())).hasSize(2);
	}

	@Test
	void forgedTokensPostNothing() throws Exception {
		String gina = address("gina");
		Ticket ticket = ticketFrom(gina, "Broken");
		Ticket other = ticketFrom(address("hank"), "Other");
		String genuine = this.tokens
			.tokenFor(new dev.parley.notifications.MailThread("t", ticket.id(), ticket.customerId()));
		String otherToken = this.tokens
			.tokenFor(new dev.parley.notifications.MailThread("t", other.id(), other.customerId()));
		char last = genuine.charAt(genuine.length() - 1);
		String altered = genuine.substring(0, genuine.length() - 1) + ((last == 'a') ? 'b' : 'a');
		// another ticket's signature under this ticket's id
		String copied = "t" + ticket.id() + otherToken.substring(otherToken.indexOf('.'));
		// a conversation's token for the same id and party, as a ticket's
		String conversations = "t" + this.tokens.tokenFor(ticket.id(), ticket.customerId()).substring(1);
		// signed for another party
		String otherParty = this.tokens
			.tokenFor(new dev.parley.notifications.MailThread("t", ticket.id(), other.customerId()));

		for (String token : List.of(altered, copied, conversations, otherParty)) {
			MimeMessage forged = mail(gina, "support+" + token + "@example.com", "Re: Broken", "forged " + token);
			deliver(forged);
			poll();
			assertThat(outcome(forged)).as(token).isEqualTo("FORGED_TOKEN");
		}
		assertThat(articles(ticket.id())).hasSize(1);
		assertThat(articles(other.id())).hasSize(1);
		assertThat(ticketCount(gina)).isEqualTo(1);
	}

	@Test
	void aReplyFromAnotherSenderPostsNothing() throws Exception {
		String ivy = address("ivy");
		Ticket ticket = ticketFrom(ivy, "Help");
		String token = this.tokens
			.tokenFor(new dev.parley.notifications.MailThread("t", ticket.id(), ticket.customerId()));

		MimeMessage mallory = mail(address("mallory"), "support+" + token + "@example.com", "Re: Help", "I am Ivy");
		deliver(mallory);
		poll();

		assertThat(outcome(mallory)).isEqualTo("SENDER_MISMATCH");
		assertThat(articles(ticket.id())).hasSize(1);
	}

	@Test
	void automaticMailMakesNoTicket() throws Exception {
		String jack = address("jack");
		MimeMessage away = mail(jack, HELP, "Out of Office: back Monday", "I am away.");
		away.setHeader("Auto-Submitted", "auto-replied");
		deliver(away);
		poll();

		assertThat(outcome(away)).isEqualTo("AUTO_REPLY");
		assertThat(ticketCount(jack)).isZero();
	}

	@Test
	void theSameMessageIdTwiceMakesOneTicket() throws Exception {
		String kate = address("kate");
		MimeMessage first = mail(kate, HELP, "Twice", "once");
		MimeMessage copy = mail(kate, HELP, "Twice", "once");
		copy.setHeader("Message-ID", first.getMessageID());
		deliver(first, copy);
		poll();

		assertThat(outcome(first)).isEqualTo("CREATED");
		assertThat(ticketCount(kate)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM ticket_article WHERE message_id = ?")
			.param(first.getMessageID())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void mailToAnAddressThatIsNoSupportAddressMakesNoTicket() throws Exception {
		String liam = address("liam");
		MimeMessage mail = mail(liam, "sales@example.com", "Hello", "A question");
		deliver(mail);
		poll();

		assertThat(outcome(mail)).isEqualTo("NO_TOKEN");
		assertThat(ticketCount(liam)).isZero();
	}

	@Test
	void aLineBreakInTheTicketSubjectAddsNoHeader() throws Exception {
		String mia = address("mia");
		Ticket ticket = ticketFrom(mia, "Fine");
		server.awaitMessagesTo(mia, 1);
		ApiClient agent = signedInAs("agent");
		ApiClient.Response refused = agent.send("PATCH", "/api/v1/tickets/" + ticket.id(),
				Map.of("version", 0, "subject", "Refund\r\nBcc: evil@attacker.example"), "application/json");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.toString()).contains("\"field\":\"subject\"");
		// a row written some other way: the e-mail's subject is still one line
		this.jdbc.sql("UPDATE ticket SET subject = ? WHERE id = ?")
			.params("Refund\r\nBcc: evil@attacker.example\r\nX-Injected: yes", ticket.id())
			.update();
		reply(agent, ticket, "REPLY", "Done.");

		MimeMessage reply = server.awaitMessagesTo(mia, 2).get(1);
		assertThat(reply.getSubject()).doesNotContain("\r").doesNotContain("\n").startsWith("[" + ticket.number());
		assertThat(reply.getHeader("X-Injected")).isNull();
		assertThat(reply.getHeader("Bcc")).isNull();
		assertThat(server.messagesTo("evil@attacker.example")).isEmpty();
	}

	@Test
	void supportAddressesAreCheckedWhenTheAccountIsSaved() {
		this.accounts.save(MailAccount.none(), "test");
		ApiClient admin = admin();
		Map<String, Object> form = new java.util.HashMap<>(server.account(MAILBOX));
		form.put("supportAddresses", List.of("not an address"));
		ApiClient.Response refused = admin.put("/api/v1/mail-account", form);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.toString()).contains("supportAddresses");

		form.put("supportAddresses", List.of("help+x@example.com"));
		assertThat(admin.put("/api/v1/mail-account", form).status()).isEqualTo(400);

		form.put("supportAddresses", List.of("Help@Example.com", "help@example.com", "tickets@example.com"));
		ApiClient.Response saved = admin.put("/api/v1/mail-account", form);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().path("supportAddresses").toString())
			.isEqualTo("[\"help@example.com\",\"tickets@example.com\"]");

		ApiClient.Response agent = signedInAs("agent").put("/api/v1/mail-account", form);
		assertThat(agent.status()).isEqualTo(403);
	}

	record Ticket(long id, String number, String subject, long customerId) {
	}

	/** A ticket made by a mail from the address to the support address. */
	private Ticket ticketFrom(String from, String subject) throws Exception {
		MimeMessage mail = mail(from, HELP, subject, "Please help.");
		deliver(mail);
		poll();
		assertThat(outcome(mail)).isEqualTo("CREATED");
		return ticketOf(mail);
	}

	private Ticket ticketOf(MimeMessage mail) throws Exception {
		return this.jdbc
			.sql("SELECT t.id, t.number, t.subject, t.customer_id FROM ticket t JOIN ticket_article a "
					+ "ON a.ticket_id = t.id WHERE a.message_id = ?")
			.param(mail.getMessageID())
			.query((rs, row) -> new Ticket(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.single();
	}

	private List<String> articles(long ticketId) {
		return this.jdbc.sql("SELECT kind, body FROM ticket_article WHERE ticket_id = ? ORDER BY id")
			.param(ticketId)
			.query((rs, row) -> rs.getString(1) + ":" + rs.getString(2))
			.list();
	}

	private String status(Ticket ticket) {
		return this.jdbc.sql("SELECT status FROM ticket WHERE id = ?").param(ticket.id()).query(String.class).single();
	}

	/** How many tickets customers with this address have. */
	private long ticketCount(String from) {
		return this.jdbc.sql("SELECT customer_id FROM ticket")
			.query(Long.class)
			.list()
			.stream()
			.filter((customer) -> this.customers.hasEmail(customer, from))
			.count();
	}

	private static void reply(ApiClient agent, Ticket ticket, String kind, String body) {
		ApiClient.Response written = agent.post("/api/v1/tickets/" + ticket.id() + "/articles",
				Map.of("kind", kind, "body", body));
		assertThat(written.status()).as(written.toString()).isEqualTo(201);
	}

	private static String address(String name) {
		return unique(name).toLowerCase() + "@customer.example";
	}

	private static MimeMessage mail(String from, String to, String subject, String text) throws Exception {
		MimeMessage mail = new MimeMessage(SESSION);
		mail.setFrom(new InternetAddress(from));
		mail.setRecipients(RecipientType.TO, to);
		mail.setSubject(subject, "UTF-8");
		mail.setText(text, "UTF-8");
		mail.saveChanges();
		mail.setHeader("Message-ID", "<" + UUID.randomUUID() + "@customer.example>");
		return mail;
	}

	private static void deliver(MimeMessage... mails) {
		for (MimeMessage mail : mails) {
			mailbox.deliver(mail);
		}
	}

	private void poll() {
		Eventually.until("the reader polled the mailbox", () -> InboundMailTesting.pollNow(this.context));
	}

	private String outcome(MimeMessage mail) throws Exception {
		return this.jdbc.sql("SELECT outcome FROM inbound_mail WHERE mail_key = ?")
			.param(InboundMailTesting.key(mail.getMessageID()))
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
