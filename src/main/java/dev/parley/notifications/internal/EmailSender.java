package dev.parley.notifications.internal;

import java.io.UnsupportedEncodingException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import dev.parley.notifications.Audience;
import dev.parley.notifications.MailAttachment;
import dev.parley.notifications.NotificationChannel;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail through the installation's SMTP server (Jakarta Mail through Spring's
 * {@link JavaMailSenderImpl}); a batch goes over one connection. Every e-mail is
 * multipart (plain text and HTML) and carries its own Message-ID, In-Reply-To and
 * References for its thread, {@code Auto-Submitted: auto-generated} and
 * {@code X-Auto-Response-Suppress} (so that auto-responders stay quiet), an
 * {@code X-Loop} marker, and for customers {@code List-Unsubscribe} with one-click
 * unsubscribe (RFC 8058); files stored with the notification go as attachments.
 */
@Component
class EmailSender implements ChannelSender {

	/** Marks Parley's own mail, so the mailbox reader recognises it coming back. */
	static final String LOOP_HEADER = "X-Loop";

	private static final int TIMEOUT_MILLIS = 15_000;

	private final MailAccountRepository accounts;

	EmailSender(MailAccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public NotificationChannel channel() {
		return NotificationChannel.EMAIL;
	}

	@Override
	public boolean ready() {
		return this.accounts.load().canSend();
	}

	@Override
	public DeliveryResult send(Outgoing message) {
		return sendAll(List.of(message)).get(0);
	}

	@Override
	public List<DeliveryResult> sendAll(List<Outgoing> batch) {
		MailAccount account = this.accounts.load();
		if (!account.canSend()) {
			return batch.stream().map((m) -> DeliveryResult.retry("E-mail is not set up")).toList();
		}
		return sendAll(account, batch);
	}

	/** Sends with a given account (the console's test before saving uses this too). */
	List<DeliveryResult> sendAll(MailAccount account, List<Outgoing> batch) {
		JavaMailSenderImpl sender = senderFor(account);
		List<DeliveryResult> results = new ArrayList<>(batch.size());
		Map<MimeMessage, Integer> index = new IdentityHashMap<>();
		List<MimeMessage> messages = new ArrayList<>();
		for (Outgoing outgoing : batch) {
			try {
				MimeMessage mime = mime(sender.getSession(), account, outgoing);
				index.put(mime, results.size());
				messages.add(mime);
				results.add(DeliveryResult.delivered(outgoing.messageId()));
			}
			catch (MessagingException | UnsupportedEncodingException | IllegalArgumentException ex) {
				results.add(DeliveryResult.refused("Cannot build the e-mail: " + ex.getMessage()));
			}
		}
		if (messages.isEmpty()) {
			return results;
		}
		try {
			sender.send(messages.toArray(MimeMessage[]::new));
		}
		catch (MailAuthenticationException ex) {
			index.values().forEach((i) -> results.set(i, DeliveryResult.retry("SMTP sign-in refused: " + detail(ex))));
		}
		catch (MailSendException ex) {
			// with no failed message named, every message went out and only closing the
			// connection failed: they stay delivered (trying again would send them twice)
			Map<Object, Exception> failed = ex.getFailedMessages();
			failed.forEach((message, cause) -> {
				Integer i = index.get(message);
				if (i != null) {
					results.set(i, classify(cause));
				}
			});
		}
		catch (MailException ex) {
			index.values().forEach((i) -> results.set(i, DeliveryResult.retry("SMTP: " + detail(ex))));
		}
		return results;
	}

	/**
	 * A 5xx reply about the recipient or the message is final; anything else (a 4xx, a
	 * lost connection, a timeout) may pass later.
	 */
	private static DeliveryResult classify(Exception cause) {
		int code = returnCode(cause);
		String error = "SMTP: " + detail(cause);
		return (code >= 500 && code < 600) ? DeliveryResult.refused(error) : DeliveryResult.retry(error);
	}

	/** The SMTP reply code Angus Mail's exceptions carry, or -1. */
	private static int returnCode(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			try {
				Method method = t.getClass().getMethod("getReturnCode");
				Object code = method.invoke(t);
				if (code instanceof Integer number && number > 0) {
					return number;
				}
			}
			catch (ReflectiveOperationException ex) {
				// not an SMTP exception: look at its cause
			}
			if (t instanceof MessagingException messaging && messaging.getNextException() != null
					&& messaging.getNextException() != t.getCause()) {
				int next = returnCode(messaging.getNextException());
				if (next > 0) {
					return next;
				}
			}
		}
		return -1;
	}

	private static String detail(Throwable error) {
		String message = (error.getMessage() != null) ? error.getMessage() : error.getClass().getSimpleName();
		return message.replaceAll("[\\r\\n]+", " ").strip();
	}

	private static MimeMessage mime(Session session, MailAccount account, Outgoing outgoing)
			throws MessagingException, UnsupportedEncodingException {
		String messageId = outgoing.messageId();
		MimeMessage mime = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", "<" + messageId + ">");
			}
		};
		boolean html = outgoing.html() != null;
		MimeMessageHelper helper = new MimeMessageHelper(mime, html || !outgoing.attachments().isEmpty(), "UTF-8");
		helper.setFrom(new InternetAddress(account.fromAddress(), account.fromName(), "UTF-8"));
		helper.setTo(strict(outgoing.recipient()));
		if (outgoing.replyTo() != null) {
			helper.setReplyTo(strict(outgoing.replyTo()));
		}
		helper.setSubject(outgoing.subject());
		if (html) {
			helper.setText(outgoing.text(), outgoing.html());
		}
		else {
			helper.setText(outgoing.text());
		}
		for (MailAttachment file : outgoing.attachments()) {
			helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.contentType());
		}
		if (outgoing.inReplyTo() != null) {
			mime.setHeader("In-Reply-To", "<" + outgoing.inReplyTo() + ">");
			mime.setHeader("References", "<" + outgoing.inReplyTo() + ">");
		}
		mime.setHeader("Auto-Submitted", "auto-generated");
		mime.setHeader("X-Auto-Response-Suppress", "All");
		mime.setHeader(LOOP_HEADER, loopMarker(account));
		if (outgoing.audience() == Audience.CUSTOMER && outgoing.unsubscribeUrl() != null) {
			mime.setHeader("List-Unsubscribe", "<" + outgoing.unsubscribeUrl() + ">");
			mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		return mime;
	}

	/** The X-Loop value of this installation's mail. */
	static String loopMarker(MailAccount account) {
		return "parley@" + domainOf(account.fromAddress());
	}

	static String domainOf(String address) {
		int at = (address != null) ? address.lastIndexOf('@') : -1;
		return (at >= 0) ? address.substring(at + 1).toLowerCase(java.util.Locale.ROOT) : "localhost";
	}

	private static InternetAddress strict(String address) throws MessagingException {
		InternetAddress parsed = new InternetAddress(address, true);
		parsed.validate();
		return parsed;
	}

	private static JavaMailSenderImpl senderFor(MailAccount account) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(account.smtpHost());
		if (account.smtpPort() != null) {
			sender.setPort(account.smtpPort());
		}
		sender.setDefaultEncoding("UTF-8");
		boolean tls = account.smtpSecurity() == MailSecurity.TLS;
		sender.setProtocol(tls ? "smtps" : "smtp");
		String prefix = tls ? "mail.smtps." : "mail.smtp.";
		Properties properties = new Properties();
		properties.setProperty(prefix + "connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
		properties.setProperty(prefix + "timeout", String.valueOf(TIMEOUT_MILLIS));
		properties.setProperty(prefix + "writetimeout", String.valueOf(TIMEOUT_MILLIS));
		if (account.smtpUsername() != null) {
			sender.setUsername(account.smtpUsername());
			sender.setPassword(account.smtpPassword());
			properties.setProperty(prefix + "auth", "true");
		}
		if (account.smtpSecurity() == MailSecurity.STARTTLS) {
			properties.setProperty("mail.smtp.starttls.enable", "true");
			properties.setProperty("mail.smtp.starttls.required", "true");
		}
		if (account.smtpSecurity() != MailSecurity.NONE) {
			properties.setProperty(prefix + "ssl.checkserveridentity", "true");
		}
		sender.setJavaMailProperties(properties);
		return sender;
	}

}
