package dev.parley.notifications;

/**
 * The outgoing mail account as other modules may see it: whether e-mail can be sent at
 * all, and the test message the console's mail account page sends, for the
 * administrators' self-check.
 */
public interface OutgoingMail {

	/**
	 * @return whether SMTP is switched on with a host and a from-address, and where it
	 * sends through
	 */
	Status status();

	/**
	 * Sends the test message to an address at once (not through the outbox), audited as
	 * {@code mail.account.tested}.
	 * @param language the language of the message (en, zh-CN, zh-TW)
	 * @param actor the username asking, for the audit log
	 * @throws dev.parley.platform.ApiException {@code validation_failed} for an address
	 * that is none, {@code mail_not_set_up} when no mail can be sent
	 */
	TestMail sendTest(String to, String language, String actor);

	/**
	 * @param canSend whether mail can be sent
	 * @param smtpHost the SMTP server, or null
	 * @param fromAddress the sender's address, or null
	 */
	record Status(boolean canSend, String smtpHost, String fromAddress) {
	}

	/** The test message delivered to the server, or the server's error. */
	record TestMail(boolean delivered, String error) {
	}

}
