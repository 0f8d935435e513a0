package dev.parley.notifications.internal;

import java.util.List;

import dev.parley.notifications.Audience;
import dev.parley.notifications.MailAttachment;

/**
 * A notification rendered for sending: for an SMS only recipient and text count.
 *
 * @param notificationId the outbox row
 * @param subject the e-mail's subject (one line)
 * @param html the e-mail's HTML body, or null for plain text only
 * @param text the plain-text body (the SMS text)
 * @param messageId the e-mail's Message-ID (without angle brackets)
 * @param inReplyTo the Message-ID of the previous e-mail of the same thread, or null
 * @param replyTo the address replies go to, or null for the from-address
 * @param unsubscribeUrl the one-click unsubscribe link of a customer's e-mail, or null
 * @param attachments the e-mail's files
 */
public record Outgoing(long notificationId, String recipient, Audience audience, String subject, String html,
		String text, String messageId, String inReplyTo, String replyTo, String unsubscribeUrl,
		List<MailAttachment> attachments) {

	public Outgoing {
		attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
	}

	/** A message without files. */
	public Outgoing(long notificationId, String recipient, Audience audience, String subject, String html, String text,
			String messageId, String inReplyTo, String replyTo, String unsubscribeUrl) {
		this(notificationId, recipient, audience, subject, html, text, messageId, inReplyTo, replyTo, unsubscribeUrl,
				List.of());
	}

}
