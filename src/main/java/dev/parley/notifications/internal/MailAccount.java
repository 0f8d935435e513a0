package dev.parley.notifications.internal;

/**
 * The installation's mail account: an SMTP server to send through and, optionally, an
 * IMAP mailbox where customers' replies arrive. Passwords here are plain (opened from the
 * database's sealed form); they never leave the server.
 *
 * @param replyAddress the address customers reply to (plus-addressed with a
 * conversation's token: {@code support+c42.x@example.com}); the IMAP mailbox must receive
 * its mail; null: replies go to the from-address and are threaded by their headers only
 * @param supportAddresses addresses (lower case) at which a mail without a reply token is
 * new mail for the module that takes it (a new ticket); the IMAP mailbox must receive
 * their mail; empty: none
 */
public record MailAccount(boolean smtpEnabled, String smtpHost, Integer smtpPort, MailSecurity smtpSecurity,
		String smtpUsername, String smtpPassword, String fromAddress, String fromName, String replyAddress,
		boolean imapEnabled, String imapHost, Integer imapPort, MailSecurity imapSecurity, String imapUsername,
		String imapPassword, String imapFolder, java.util.List<String> supportAddresses) {

	public MailAccount {
		supportAddresses = (supportAddresses != null) ? java.util.List.copyOf(supportAddresses) : java.util.List.of();
	}

	/** An account without support addresses. */
	public MailAccount(boolean smtpEnabled, String smtpHost, Integer smtpPort, MailSecurity smtpSecurity,
			String smtpUsername, String smtpPassword, String fromAddress, String fromName, String replyAddress,
			boolean imapEnabled, String imapHost, Integer imapPort, MailSecurity imapSecurity, String imapUsername,
			String imapPassword, String imapFolder) {
		this(smtpEnabled, smtpHost, smtpPort, smtpSecurity, smtpUsername, smtpPassword, fromAddress, fromName,
				replyAddress, imapEnabled, imapHost, imapPort, imapSecurity, imapUsername, imapPassword, imapFolder,
				java.util.List.of());
	}

	/** Nothing set up: the state of a new installation. */
	public static MailAccount none() {
		return new MailAccount(false, null, null, MailSecurity.STARTTLS, null, null, null, null, null, false, null,
				null, MailSecurity.TLS, null, null, "INBOX");
	}

	/** Whether e-mail can be sent. */
	public boolean canSend() {
		return this.smtpEnabled && this.smtpHost != null && this.fromAddress != null;
	}

	/** Whether customers' replies are read. */
	public boolean canReceive() {
		return this.imapEnabled && this.imapHost != null && this.imapUsername != null;
	}

}
