package dev.parley.notifications.internal.inbound;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.parley.testing.ApiClient;
import dev.parley.testing.SocketClient;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's e-mail reply lands in his conversation, as his message, seen live by the
 * agent, without the quoted mail; files go through the upload inspection; a mail read
 * twice posts once; a closed conversation reopens.
 */
class InboundReplyTests extends InboundMailTest {

	@Test
	void aReplyToThePlusAddressLandsInItsConversationLiveWithoutTheQuotedMail() throws Exception {
		ApiClient agent = signedInAs("agent");
		Customer customer = customer(agent);
		Customer other = customer(agent);
		MimeMessage mail = reply("Carol <" + customer.email().toUpperCase() + ">", replyAddress(customer.token()),
				"Yes, the blue one please.\n\nOn Mon, 7 Dec 2026 at 10:00, Support <support@example.com> wrote:\n"
						+ "> Which colour would you like?\n> Support");
		try (SocketClient staff = SocketClient.staff(this.port, agent)) {
			deliver(mail);
			poll();
			JsonNode frame = staff.expect(
					(f) -> "message".equals(f.path("type").asString())
							&& f.path("message").path("conversationId").asLong() == customer.conversationId()
							&& "visitor".equals(f.path("message").path("sender").path("kind").asString()),
					"the reply, live");
			assertThat(frame.path("message").path("text").asString()).isEqualTo("Yes, the blue one please.");
		}
		assertThat(outcome(mail)).isEqualTo("POSTED");
		assertThat(visitorTexts(agent, customer.conversationId())).containsExactly("Where is my order?",
				"Yes, the blue one please.");
		assertThat(this.jdbc
			.sql("SELECT sender_kind, sender_id FROM chat_message WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1")
			.param(customer.conversationId())
			.query((rs, row) -> rs.getString(1) + "/" + rs.getLong(2))
			.single()).as("written as the visitor").isEqualTo("visitor/" + customer.visitorId());
		assertThat(visitorTexts(agent, other.conversationId())).containsExactly("Where is my order?");
	}

	@Test
	void aReplyThreadedOnlyByItsReferencesLandsInItsConversation() throws Exception {
		ApiClient agent = signedInAs("agent");
		Customer customer = customer(agent);
		// HTML only, to the plain support address: the token is in Parley's Message-ID
		MimeMessage mail = new MimeMessage(SESSION);
		mail.setFrom(new InternetAddress(customer.email()));
		mail.setRecipients(MimeMessage.RecipientType.TO, SUPPORT);
		mail.setSubject("Re: Your question");
		mail.setContent(
				"<html><head><style>p{color:red}</style></head><body><p>Thanks &amp; see you<br>Carol</p>"
						+ "<script>alert(1)</script><blockquote>Earlier: which colour?</blockquote></body></html>",
				"text/html; charset=UTF-8");
		mail.saveChanges();
		mail.setHeader("Message-ID", newMessageId());
		mail.setHeader("In-Reply-To", "<unrelated@elsewhere.example>");
		mail.setHeader("References", "<first@elsewhere.example> <parley." + customer.token() + ".2@example.com>");
		deliver(mail);
		poll();
		assertThat(outcome(mail)).isEqualTo("POSTED");
		assertThat(visitorTexts(agent, customer.conversationId())).containsExactly("Where is my order?",
				"Thanks & see you\nCarol");
	}

	@Test
	void anAllowedImagePostsAndAProgramIsRefusedWhileTheTextStillPosts() throws Exception {
		ApiClient agent = signedInAs("agent");
		Customer customer = customer(agent);
		MimeMessage mail = new MimeMessage(SESSION);
		mail.setFrom(new InternetAddress(customer.email()));
		mail.setRecipients(MimeMessage.RecipientType.TO, replyAddress(customer.token()));
		mail.setSubject("Re: photo");
		MimeMultipart parts = new MimeMultipart();
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Here is the photo and the tool.", "UTF-8");
		parts.addBodyPart(text);
		parts.addBodyPart(file("parcel.png", png(), "image/png"));
		parts.addBodyPart(file("setup.pdf", windowsProgram(), "application/pdf"));
		mail.setContent(parts);
		mail.saveChanges();
		mail.setHeader("Message-ID", newMessageId());
		deliver(mail);
		poll();
		assertThat(outcome(mail)).isEqualTo("POSTED");
		List<JsonNode> lines = transcript(agent, customer.conversationId());
		assertThat(visitorTexts(agent, customer.conversationId())).contains("Here is the photo and the tool.");
		assertThat(lines).filteredOn((m) -> "attachment".equals(m.path("kind").asString()))
			.singleElement()
			.satisfies((m) -> {
				assertThat(m.path("attachment").path("name").asString()).isEqualTo("parcel.png");
				assertThat(m.path("attachment").path("image").asBoolean()).isTrue();
				assertThat(m.path("sender").path("kind").asString()).isEqualTo("visitor");
			});
		assertThat(lines).filteredOn((m) -> "file_refused".equals(m.path("event").path("type").asString()))
			.singleElement()
			.satisfies((m) -> {
				assertThat(m.path("event").path("agent").asString()).isEqualTo("setup.pdf");
				assertThat(m.path("event").path("by").asString()).isEqualTo("executable");
			});
		assertThat(detail(mail)).contains("refused setup.pdf (executable)");
		JsonNode conversation = agent.get("/api/v1/conversations/" + customer.conversationId()).json();
		assertThat(conversation.path("lastMessagePreview").asString()).as("the list shows the customer's last message")
			.isEqualTo("parcel.png");
	}

	@Test
	void theSameMailReadTwicePostsOnce() throws Exception {
		ApiClient agent = signedInAs("agent");
		Customer customer = customer(agent);
		MimeMessage mail = reply(customer.email(), replyAddress(customer.token()), "Only once, please.");
		// delivered twice (two copies in the mailbox), then read again as after a crash
		// between recording and marking it seen
		deliver(mail, mail);
		poll();
		markAllUnseen();
		poll();
		assertThat(visitorTexts(agent, customer.conversationId())).containsExactly("Where is my order?",
				"Only once, please.");
		assertThat(outcome(mail)).isEqualTo("POSTED");
		// the second copy, then the first copy read again (the second one's second
		// reading
		// finds its record)
		// senders are sealed: opened to find his
		assertThat(this.jdbc.sql("SELECT outcome, sender_sealed FROM inbound_mail ORDER BY id")
			.query((rs, row) -> customer.email().equals(this.personal.open(rs.getString(2))) ? rs.getString(1) : null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList()).containsExactly("POSTED", "DUPLICATE", "DUPLICATE");
	}

	@Test
	void aReplyToAConversationClosedLongAgoReopensIt() throws Exception {
		ApiClient agent = signedInAs("agent");
		Customer customer = customer(agent);
		ApiClient.Response closed = agent.post("/api/v1/conversations/" + customer.conversationId() + "/close",
				Map.of());
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		this.clock.advance(Duration.ofDays(3));
		MimeMessage mail = reply(customer.email(), replyAddress(customer.token()), "It still has not arrived.");
		deliver(mail);
		poll();
		assertThat(outcome(mail)).isEqualTo("POSTED");
		JsonNode conversation = agent.get("/api/v1/conversations/" + customer.conversationId()).json();
		assertThat(conversation.path("status").asString()).isEqualTo("assigned");
		List<JsonNode> lines = transcript(agent, customer.conversationId());
		assertThat(lines.get(lines.size() - 2).path("event").path("type").asString()).isEqualTo("reopened");
		assertThat(lines.get(lines.size() - 1).path("text").asString()).isEqualTo("It still has not arrived.");
	}

	@Test
	void aReplyWakesASnoozedConversation() throws Exception {
		ApiClient agent = signedInAs("agent");
		Customer customer = customer(agent);
		ApiClient.Response snoozed = agent.post("/api/v1/conversations/" + customer.conversationId() + "/snooze",
				Map.of("preset", "customer_reply"));
		assertThat(snoozed.status()).as(snoozed.toString()).isEqualTo(200);
		MimeMessage mail = reply(customer.email(), replyAddress(customer.token()), "Any news?");
		deliver(mail);
		poll();
		assertThat(outcome(mail)).isEqualTo("POSTED");
		JsonNode conversation = agent.get("/api/v1/conversations/" + customer.conversationId()).json();
		assertThat(conversation.path("snoozedUntil").isNull()).isTrue();
		assertThat(conversation.path("snoozedUntilReply").asBoolean()).isFalse();
	}

	@Test
	void aReplyThatIsAllQuoteIsPostedWholeAndAnEmptyOneIsRecordedOnly() throws Exception {
		ApiClient agent = signedInAs("agent");
		Customer customer = customer(agent);
		MimeMessage allQuote = reply(customer.email(), replyAddress(customer.token()), "> Which colour?\n> Support");
		MimeMessage empty = reply(customer.email(), replyAddress(customer.token()), "  \n ");
		deliver(allQuote, empty);
		poll();
		assertThat(outcome(allQuote)).isEqualTo("POSTED");
		assertThat(outcome(empty)).isEqualTo("EMPTY");
		assertThat(visitorTexts(agent, customer.conversationId())).as("nothing lost, nothing empty posted")
			.containsExactly("Where is my order?", "> Which colour?\n> Support");
	}

	String detail(MimeMessage mail) throws Exception {
		return this.jdbc.sql("SELECT detail FROM inbound_mail WHERE mail_key = ?")
			.param(MailParser.sha256("id:" + mail.getMessageID()))
			.query(String.class)
			.single();
	}

	private void markAllUnseen() throws Exception {
		Store store = SESSION.getStore("imap");
		store.connect("127.0.0.1", greenMail.getImap().getPort(), SUPPORT, "mailbox-secret");
		try (store) {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_WRITE);
			inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.SEEN), false);
			inbox.close(false);
		}
	}

	static MimeBodyPart file(String name, byte[] content, String type) throws Exception {
		MimeBodyPart part = new MimeBodyPart();
		part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
		part.setFileName(name);
		part.setDisposition(MimeBodyPart.ATTACHMENT);
		return part;
	}

	static byte[] png() throws Exception {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** The start of a Windows program (an "MZ" header), named as a PDF. */
	static byte[] windowsProgram() {
		byte[] exe = new byte[1024];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[60] = (byte) 0x80;
		exe[0x80] = 'P';
		exe[0x81] = 'E';
		return exe;
	}

}
