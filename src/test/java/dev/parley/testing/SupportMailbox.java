package dev.parley.testing;

import java.util.List;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.user.GreenMailUser;
import dev.parley.notifications.internal.MailAccount;
import dev.parley.notifications.internal.MailAccountRepository;
import dev.parley.notifications.internal.MailSecurity;
import dev.parley.notifications.internal.inbound.InboundMailTesting;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A support mailbox on a real mail server (GreenMail): Parley sends through its SMTP and
 * reads the mailbox over IMAP, as the tickets' mail tests and the end-to-end tests need.
 * Customers' mail is put straight into the mailbox ({@link #deliver}) and read at once
 * ({@link #poll}).
 */
public final class SupportMailbox implements AutoCloseable {

	/** The mailbox's own address; replies go to its plus-addresses. */
	public static final String ADDRESS = "support@example.com";

	/** A support address whose mail arrives in the mailbox. */
	public static final String HELP = "help@example.com";

	private static final String SECRET = "mailbox-secret";

	private static final Session SESSION = Session.getInstance(new Properties());

	private final MailServer server;

	private final GreenMailUser mailbox;

	private SupportMailbox(MailServer server) {
		this.server = server;
		this.mailbox = server.greenMail().setUser(ADDRESS, ADDRESS, SECRET);
	}

	/** Starts a mail server on free ports with the mailbox. */
	public static SupportMailbox start() {
		return new SupportMailbox(MailServer.onFreePorts());
	}

	public MailServer server() {
		return this.server;
	}

	/** Points Parley's mail account at this server: SMTP out, the mailbox read in. */
	public void connect(MailAccountRepository accounts) {
		accounts.save(new MailAccount(true, "127.0.0.1", this.server.smtpPort(), MailSecurity.NONE, null, null, ADDRESS,
				"Acme Support", ADDRESS, true, "127.0.0.1", this.server.imapPort(), MailSecurity.NONE, ADDRESS, SECRET,
				"INBOX", List.of(HELP)), "test");
	}

	/** No mail account any more (the Spring context outlives the test class). */
	public static void disconnect(MailAccountRepository accounts) {
		accounts.save(MailAccount.none(), "test");
	}

	/** A plain text mail, as a customer's mail program writes it, with a Message-ID. */
	public static MimeMessage mail(String from, String to, String subject, String text) throws Exception {
		MimeMessage mail = new MimeMessage(SESSION);
		mail.setFrom(new InternetAddress(from));
		mail.setRecipients(RecipientType.TO, to);
		mail.setSubject(subject, "UTF-8");
		mail.setText(text, "UTF-8");
		mail.saveChanges();
		mail.setHeader("Message-ID", "<" + UUID.randomUUID() + "@customer.example>");
		return mail;
	}

	/** Puts the mails into the mailbox. */
	public void deliver(MimeMessage... mails) {
		for (MimeMessage mail : mails) {
			this.mailbox.deliver(mail);
		}
	}

	/** Makes this node read the mailbox now (once no scheduled read holds the lease). */
	public static void poll(ApplicationContext context) {
		Eventually.until("the reader polled the mailbox", () -> InboundMailTesting.pollNow(context));
	}

	/** What reading the mail did (inbound_mail.outcome), null before it was read. */
	public static String outcome(JdbcClient jdbc, MimeMessage mail) throws Exception {
		return jdbc.sql("SELECT outcome FROM inbound_mail WHERE mail_key = ?")
			.param(InboundMailTesting.key(mail.getMessageID()))
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Override
	public void close() {
		this.server.close();
	}

}
