package dev.parley.tickets.internal.mail;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.MailServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip: an agent's public reply reaches the customer with the ticket's token,
 * his answer comes back into the ticket; forged tokens and other senders post nothing; a
 * subject cannot add a header.
 */
class TicketMailReplyTests extends TicketMailTest {

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
		assertThat(text).doesNotContain("Files with this answer");
		eventsHandled();
		assertThat(server.messagesTo(erin)).as("the note is not mailed").hasSize(2);

		// a reply's files are named in its mail, with the portal's link to the ticket
		ApiClient.Response uploaded = agent.upload("/api/v1/tickets/" + ticket.id() + "/attachments", "label.txt",
				"Return label".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		ApiClient.Response withFile = agent.post("/api/v1/tickets/" + ticket.id() + "/articles", Map.of("kind", "REPLY",
				"body", "The label is attached.", "attachmentIds", List.of(uploaded.json().path("id").asString())));
		assertThat(withFile.status()).as(withFile.toString()).isEqualTo(201);
		String filed = MailServer.part(server.awaitMessagesTo(erin, 3).get(2), "text/plain");
		assertThat(filed).contains("The label is attached.")
			.contains("Files with this answer: label.txt.")
			.contains("/portal/tickets/" + ticket.id());

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

}
