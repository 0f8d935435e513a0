package dev.parley.notifications.internal.inbound;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.notifications.internal.MailAccount;
import dev.parley.notifications.internal.MailAccountRepository;
import dev.parley.notifications.internal.MailSecurity;
import dev.parley.notifications.internal.ReplyTokens;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inbound e-mail against a real IMAP server (GreenMail on free ports): the mail account
 * points at its mailbox, tests deliver crafted mails into it and let the reader poll.
 */
abstract class InboundMailTest extends IntegrationTest {

	static final String SUPPORT = "support@example.com";

	static final Session SESSION = Session.getInstance(new Properties());

	static GreenMail greenMail;

	static GreenMailUser mailbox;

	@Autowired
	MailAccountRepository accounts;

	@Autowired
	ReplyTokens tokens;

	@Autowired
	MailboxPoller poller;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.parley.platform.PersonalData personal;

	/** A customer with an open conversation that an agent has taken. */
	record Customer(String email, long visitorId, long conversationId, String token, ApiClient visitorApi) {
	}

	@BeforeAll
	static void startMailServer() {
		greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
		greenMail.start();
		mailbox = greenMail.setUser(SUPPORT, SUPPORT, "mailbox-secret");
	}

	@AfterAll
	static void stopMailServer() {
		greenMail.stop();
	}

	@BeforeEach
	void pointAtMailbox() throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
		this.accounts.save(account(true), "test");
	}

	@AfterEach
	void stopReading() {
		// the context outlives this class and its mail server
		this.accounts.save(MailAccount.none(), "test");
	}

	private MailAccount account(boolean enabled) {
		return new MailAccount(false, null, null, MailSecurity.NONE, null, null, SUPPORT, "Support", SUPPORT, enabled,
				"127.0.0.1", greenMail.getImap().getPort(), MailSecurity.NONE, SUPPORT, "mailbox-secret", "INBOX");
	}

	/** A visitor who gave an e-mail address, in a conversation taken by an agent. */
	Customer customer(ApiClient agent) {
		String email = unique("customer").toLowerCase() + "@customer.example";
		String key = channel();
		ApiClient.Response arrived = client().post("/api/v1/widget/channels/" + key + "/visitors",
				Map.of("name", "Carol", "email", email));
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		long visitorId = arrived.json().path("visitor").path("id").asLong();
		ApiClient visitorApi = client().withHeader("X-Parley-Visitor", arrived.json().path("token").asString());
		ApiClient.Response started = visitorApi.post("/api/v1/widget/conversations",
				Map.of("question", "Where is my order?"));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		long conversationId = started.json().path("id").asLong();
		ApiClient.Response taken = agent.post("/api/v1/conversations/" + conversationId + "/assign", Map.of());
		assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
		return new Customer(email, visitorId, conversationId, this.tokens.tokenFor(conversationId, visitorId),
				visitorApi);
	}

	private String channel() {
		ApiClient.Response response = admin().post("/api/v1/channels", Map.of("kind", "website", "name", unique("Site"),
				"allowedOrigins", List.of("https://shop.example.com"), "greeting", "Hello!", "prechatEnabled", false));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("key").asString();
	}

	static String replyAddress(String token) {
		return "support+" + token + "@example.com";
	}

	/** A plain-text reply from {@code from} to {@code to}, with a fresh Message-ID. */
	static MimeMessage reply(String from, String to, String text) throws Exception {
		MimeMessage mail = new MimeMessage(SESSION);
		mail.setFrom(new InternetAddress(from));
		mail.setRecipients(RecipientType.TO, to);
		mail.setSubject("Re: Your question", "UTF-8");
		mail.setText(text, "UTF-8");
		mail.saveChanges();
		mail.setHeader("Message-ID", newMessageId());
		return mail;
	}

	static String newMessageId() {
		return "<" + UUID.randomUUID() + "@customer.example>";
	}

	/** A mail exactly as written (CRLF line ends). */
	static MimeMessage raw(String text) throws Exception {
		return new MimeMessage(SESSION, new ByteArrayInputStream(
				text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
	}

	static void deliver(MimeMessage... mails) {
		for (MimeMessage mail : mails) {
			mailbox.deliver(mail);
		}
	}

	/** Lets the reader poll once (waiting while a scheduled poll holds the lease). */
	void poll() {
		Eventually.until("the reader polled the mailbox", this.poller::pollNow);
	}

	/** What was recorded for the mail with this Message-ID (null: nothing). */
	String outcome(String messageId) {
		return this.jdbc.sql("SELECT outcome FROM inbound_mail WHERE mail_key = ?")
			.param(MailParser.sha256("id:" + messageId))
			.query(String.class)
			.optional()
			.orElse(null);
	}

	String outcome(MimeMessage mail) throws Exception {
		return outcome(mail.getMessageID());
	}

	/** The transcript as the agent sees it. */
	List<JsonNode> transcript(ApiClient agent, long conversationId) {
		ApiClient.Response page = agent.get("/api/v1/conversations/" + conversationId + "/messages?after=0&limit=200");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		page.json().path("items").forEach(items::add);
		return items;
	}

	/** The texts of the transcript's visitor messages. */
	List<String> visitorTexts(ApiClient agent, long conversationId) {
		return transcript(agent, conversationId).stream()
			.filter((m) -> "visitor".equals(m.path("sender").path("kind").asString())
					&& "text".equals(m.path("kind").asString()))
			.map((m) -> m.path("text").asString())
			.toList();
	}

}
