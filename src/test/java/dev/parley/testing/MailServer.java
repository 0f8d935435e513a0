package dev.parley.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real SMTP (and IMAP) server inside the test (GreenMail), on free ports that stay the
 * same when it is stopped and started again, as a mail server that goes away and comes
 * back.
 */
public final class MailServer implements AutoCloseable {

	private final int smtpPort;

	private final int imapPort;

	private GreenMail greenMail;

	private MailServer(int smtpPort, int imapPort) {
		this.smtpPort = smtpPort;
		this.imapPort = imapPort;
		start();
	}

	public static MailServer onFreePorts() {
		return new MailServer(freePort(), freePort());
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	public void start() {
		this.greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(this.smtpPort, "127.0.0.1", "smtp"),
				new ServerSetup(this.imapPort, "127.0.0.1", "imap") });
		this.greenMail.start();
	}

	public void stop() {
		this.greenMail.stop();
	}

	public int smtpPort() {
		return this.smtpPort;
	}

	public int imapPort() {
		return this.imapPort;
	}

	public GreenMail greenMail() {
		return this.greenMail;
	}

	/** The mail account form that sends through this server. */
	public Map<String, Object> account(String fromAddress) {
		return Map.of("smtpEnabled", true, "smtpHost", "127.0.0.1", "smtpPort", this.smtpPort, "smtpSecurity", "none",
				"fromAddress", fromAddress, "fromName", "Acme Support", "imapEnabled", false, "imapSecurity", "none");
	}

	/** Every message received so far for an address. */
	public List<MimeMessage> messagesTo(String address) {
		return Arrays.stream(this.greenMail.getReceivedMessages()).filter((m) -> {
			try {
				Address[] to = m.getAllRecipients();
				return to != null && Arrays.stream(to).anyMatch((a) -> a.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	/** Waits for the n-th message to an address and returns them all. */
	public List<MimeMessage> awaitMessagesTo(String address, int count) {
		Eventually.until(() -> "message " + count + " to " + address, () -> messagesTo(address).size() >= count,
				java.time.Duration.ofSeconds(20));
		List<MimeMessage> messages = messagesTo(address);
		assertThat(messages).hasSize(count);
		return messages;
	}

	/**
	 * The text of the message's first part of a type (text/plain, text/html), decoded.
	 */
	public static String part(jakarta.mail.Part message, String type) {
		try {
			if (message.isMimeType(type)) {
				return (String) message.getContent();
			}
			if (message.getContent() instanceof jakarta.mail.Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					String found = part(multipart.getBodyPart(i), type);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}
		catch (MessagingException | java.io.IOException ex) {
			throw new AssertionError(ex);
		}
	}

	/** A file attached to a message. */
	public record Attachment(String fileName, String contentType, byte[] content) {
	}

	/** The files attached to a message, in order. */
	public static List<Attachment> attachments(jakarta.mail.Part message) {
		List<Attachment> files = new java.util.ArrayList<>();
		try {
			if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(message.getDisposition())) {
				files.add(new Attachment(message.getFileName(), message.getContentType(),
						message.getInputStream().readAllBytes()));
			}
			else if (message.getContent() instanceof jakarta.mail.Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					files.addAll(attachments(multipart.getBodyPart(i)));
				}
			}
			return files;
		}
		catch (MessagingException | java.io.IOException ex) {
			throw new AssertionError(ex);
		}
	}

	@Override
	public void close() {
		stop();
	}

}
