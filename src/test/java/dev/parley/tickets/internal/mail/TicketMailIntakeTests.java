package dev.parley.tickets.internal.mail;

import java.util.List;
import java.util.Map;

import dev.parley.notifications.internal.MailAccount;
import dev.parley.testing.ApiClient;
import dev.parley.testing.MailServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New mail to a support address: a ticket of the customer the sender's address finds,
 * acknowledged with its number and token; automatic, repeated and misaddressed mail makes
 * none.
 */
class TicketMailIntakeTests extends TicketMailTest {

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
	void theMailsFilesAreStoredOnItsArticleAndAProgramIsLeftOut() throws Exception {
		String olga = address("olga");
		jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart();
		jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
		text.setText("The photo and the log.", "UTF-8");
		parts.addBodyPart(text);
		parts.addBodyPart(file("notes.txt", "line one\nline two\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		byte[] program = new byte[512];
		program[0] = 'M';
		program[1] = 'Z';
		parts.addBodyPart(file("setup.exe", program));
		MimeMessage mail = mail(olga, HELP, "Files", "");
		mail.setContent(parts);
		mail.saveChanges();
		mail.setHeader("Message-ID", "<" + java.util.UUID.randomUUID() + "@customer.example>");
		deliver(mail);
		poll();

		assertThat(outcome(mail)).isEqualTo("CREATED");
		Ticket ticket = ticketOf(mail);
		assertThat(
				this.jdbc.sql("SELECT file_name FROM ticket_attachment WHERE ticket_id = ? AND article_id IS NOT NULL")
					.param(ticket.id())
					.query(String.class)
					.list())
			.containsExactly("notes.txt");
		assertThat(this.jdbc.sql("SELECT detail FROM inbound_mail WHERE thread = ?")
			.param("t" + ticket.id())
			.query(String.class)
			.single()).contains("setup.exe (");
	}

	private static jakarta.mail.internet.MimeBodyPart file(String name, byte[] content) throws Exception {
		jakarta.mail.internet.MimeBodyPart part = new jakarta.mail.internet.MimeBodyPart();
		part.setDataHandler(new jakarta.activation.DataHandler(
				new jakarta.mail.util.ByteArrayDataSource(content, "application/octet-stream")));
		part.setFileName(name);
		part.setDisposition(jakarta.mail.Part.ATTACHMENT);
		return part;
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

}
