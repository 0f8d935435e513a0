package dev.parley.notifications.internal.inbound;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import dev.parley.notifications.internal.MailAccount;
import dev.parley.notifications.internal.MailSecurity;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.Eventually;
import dev.parley.testing.MailServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation goes on by e-mail, end to end: a visitor leaves a message with his
 * address, an agent answers it in the console, the answer reaches the visitor's mailbox
 * (a real SMTP server), the visitor answers that e-mail, and his answer appears live in
 * the agent's open conversation (read from a real IMAP mailbox).
 */
class EmailConversationBrowserTests extends InboundMailTest {

	@Test
	void anAgentAnswersALeftMessageAndTheCustomersEMailReplyAppearsLive() throws Exception {
		this.accounts.save(new MailAccount(true, "127.0.0.1", greenMail.getSmtp().getPort(), MailSecurity.NONE, null,
				null, SUPPORT, "Acme Support", SUPPORT, true, "127.0.0.1", greenMail.getImap().getPort(),
				MailSecurity.NONE, SUPPORT, "mailbox-secret", "INBOX"), "test");
		String key = admin()
			.post("/api/v1/channels",
					Map.of("kind", "website", "name", unique("Site"), "allowedOrigins",
							List.of("https://shop.example.com"), "prechatEnabled", false))
			.json()
			.path("key")
			.asString();
		String email = unique("dana").toLowerCase() + "@customer.example";
		ApiClient visitor = client().withHeader("X-Parley-Visitor",
				client().post("/api/v1/widget/channels/" + key + "/visitors", Map.of("name", "Dana"))
					.json()
					.path("token")
					.asString());
		ApiClient.Response left = visitor.post("/api/v1/widget/messages",
				Map.of("clientId", "left-1", "email", email, "text", "Can you deliver on Tuesday?"));
		assertThat(left.status()).as(left.toString()).isEqualTo(201);
		long id = left.json().path("id").asLong();
		awaitMailTo(email, 1);

		try (Browser browser = Browser.open(this.port)) {
			browser.recordErrors();
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			assertThat(admin().post("/api/v1/conversations/" + id + "/assign", Map.of()).status()).isEqualTo(200);
			browser.go("/console/inbox?view=mine&conversation=" + id);
			browser.waitFor("#reply-box");
			browser.type("#reply-box", "Yes, Tuesday morning works.");
			browser.click("#reply-send");
			browser.waitForText("#conv-messages", "Yes, Tuesday morning works.");

			MimeMessage answer = awaitMailTo(email, 2).get(1);
			assertThat(MailServer.part(answer, "text/plain")).contains("Yes, Tuesday morning works.");
			String replyTo = ((InternetAddress) answer.getReplyTo()[0]).getAddress();
			assertThat(replyTo).startsWith("support+c" + id + ".");

			MimeMessage reply = reply(email, replyTo,
					"Great, see you then.\n\nOn Sunday Acme Support wrote:\n> Yes, Tuesday morning works.");
			reply.setHeader("In-Reply-To", answer.getMessageID());
			deliver(reply);
			poll();
			browser.waitForText("#conv-messages", "Great, see you then.");
			assertThat(browser.find("#conv-messages").getText()).doesNotContain("On Sunday Acme Support wrote");
			Files.createDirectories(Path.of("target", "screenshots"));
			Files.write(Path.of("target", "screenshots", "email-conversation.png"),
					((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
			assertThat(browser.errors()).isEmpty();
		}
	}

	@Test
	void aVisitorAsksForTheTranscriptInTheClosedChatAndGetsIt() throws Exception {
		this.accounts.save(
				new MailAccount(true, "127.0.0.1", greenMail.getSmtp().getPort(), MailSecurity.NONE, null, null,
						SUPPORT, "Acme Support", SUPPORT, false, null, null, MailSecurity.NONE, null, null, "INBOX"),
				"test");
		String key = admin()
			.post("/api/v1/channels", Map.of("kind", "website", "name", unique("Site"), "allowedOrigins", List.of("*"),
					"prechatEnabled", false))
			.json()
			.path("key")
			.asString();
		String email = unique("erin").toLowerCase() + "@customer.example";
		try (Browser visitor = Browser.open(this.port)) {
			visitor.recordErrors();
			visitor.go("/widget/frame?channel=" + key);
			visitor.type("#composer", "Is the blue one in stock?");
			visitor.keys("#composer", org.openqa.selenium.Keys.ENTER);
			visitor.waitForText("#messages .message.visitor", "Is the blue one in stock?");
			visitor.click("#end-chat");
			visitor.click("#end-chat-confirm");
			visitor.click("#transcript-open");
			visitor.type("#transcript-email", "not an address");
			visitor.click("#transcript-submit");
			visitor.waitForText("#transcript-error", "valid e-mail address");
			visitor.find("#transcript-email").clear();
			visitor.type("#transcript-email", email);
			visitor.click("#transcript-submit");
			visitor.waitForText("#transcript-sent", email);
			Files.createDirectories(Path.of("target", "screenshots"));
			Files.write(Path.of("target", "screenshots", "widget-transcript.png"),
					((TakesScreenshot) visitor.driver()).getScreenshotAs(OutputType.BYTES));
			assertThat(visitor.errors()).isEmpty();
		}
		MimeMessage transcript = awaitMailTo(email, 1).get(0);
		assertThat(MailServer.part(transcript, "text/plain")).contains("Is the blue one in stock?");
	}

	private static List<MimeMessage> awaitMailTo(String address, int count) {
		Eventually.until(() -> count + " e-mails to " + address, () -> to(address).size() >= count,
				java.time.Duration.ofSeconds(30));
		return to(address);
	}

	private static List<MimeMessage> to(String address) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter((m) -> {
			try {
				return m.getRecipients(RecipientType.TO) != null && Arrays.stream(m.getRecipients(RecipientType.TO))
					.anyMatch((a) -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).toList();
	}

}
