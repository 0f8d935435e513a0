package dev.parley.notifications.internal.inbound;

import org.springframework.context.ApplicationContext;

/**
 * For tests of other modules that take mail from the inbound mailbox (tickets): a poll at
 * once, and the key a mail is recorded under.
 */
public final class InboundMailTesting {

	private InboundMailTesting() {
	}

	/**
	 * @return whether this node polled (false: a scheduled poll holds the lease)
	 */
	public static boolean pollNow(ApplicationContext context) {
		return context.getBean(MailboxPoller.class).pollNow();
	}

	/** The inbound_mail.mail_key of a mail with this Message-ID. */
	public static String key(String messageId) {
		return MailParser.sha256("id:" + messageId);
	}

}
