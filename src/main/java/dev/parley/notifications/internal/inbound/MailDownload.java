package dev.parley.notifications.internal.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Properties;

import dev.parley.notifications.internal.MailAccount;
import dev.parley.notifications.internal.MailSecurity;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * Taking one mail's bytes from the IMAP server, never more than the limit, without
 * marking it seen (PEEK): the reader marks it once its outcome is recorded.
 */
final class MailDownload {

	private MailDownload() {
	}

	/**
	 * The mail's bytes, or null when it is larger than the limit (by the size the server
	 * gives, and again while reading it). Read with PEEK: only the reader sets it seen.
	 */
	static byte[] read(Message message, long max) throws MessagingException {
		if (message.getSize() > max) {
			return null;
		}
		Bounded out = new Bounded(max);
		try {
			message.writeTo(out);
		}
		catch (TooLarge ex) {
			return null;
		}
		catch (MessagingException ex) {
			if (ex.getCause() instanceof TooLarge) {
				return null;
			}
			throw ex;
		}
		catch (IOException ex) {
			throw new MessagingException("Could not read a mail", ex);
		}
		return out.toByteArray();
	}

	/** The Jakarta Mail settings for reading the account's mailbox, with PEEK. */
	static Properties sessionProperties(MailAccount account, Duration timeouts) {
		String protocol = (account.imapSecurity() == MailSecurity.TLS) ? "imaps" : "imap";
		String timeout = String.valueOf(timeouts.toMillis());
		Properties p = new Properties();
		p.setProperty("mail." + protocol + ".connectiontimeout", timeout);
		p.setProperty("mail." + protocol + ".timeout", timeout);
		p.setProperty("mail." + protocol + ".writetimeout", timeout);
		p.setProperty("mail." + protocol + ".peek", "true");
		if (account.imapSecurity() == MailSecurity.STARTTLS) {
			p.setProperty("mail.imap.starttls.enable", "true");
			p.setProperty("mail.imap.starttls.required", "true");
		}
		if (account.imapSecurity() != MailSecurity.NONE) {
			p.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
		}
		return p;
	}

	/** Thrown by {@link Bounded} when a mail grows past the limit while read. */
	private static final class TooLarge extends IOException {

		TooLarge() {
			super("too large");
		}

	}

	/** Collects a mail's bytes up to a limit. */
	private static final class Bounded extends OutputStream {

		private final long max;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		Bounded(long max) {
			this.max = max;
		}

		@Override
		public void write(int b) throws IOException {
			check(1);
			this.bytes.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			check(len);
			this.bytes.write(b, off, len);
		}

		private void check(int more) throws TooLarge {
			if (this.bytes.size() + (long) more > this.max) {
				throw new TooLarge();
			}
		}

		byte[] toByteArray() {
			return this.bytes.toByteArray();
		}

	}

}
