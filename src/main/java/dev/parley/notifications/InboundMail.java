package dev.parley.notifications;

import java.util.List;

/**
 * A person's mail from the inbound mailbox, as an {@link InboundMailHandler} gets it
 * (automatic mail never reaches a handler).
 *
 * @param key what identifies the mail (SHA-256 of its Message-ID, else of its bytes): the
 * handler stores a mail once per key
 * @param messageId the Message-ID as written, or null
 * @param from the sender's address, lower case (the {@code From} header: see the forgery
 * limit in docs/notifications.md)
 * @param fromName the sender's display name, or null
 * @param subject the decoded subject, made one line
 * @param text the text without the quoted earlier mail (the whole text when that left
 * nothing)
 * @param attachments the files, at most 20, unchecked (the handler inspects them)
 */
public record InboundMail(String key, String messageId, String from, String fromName, String subject, String text,
		List<Attachment> attachments) {

	public InboundMail {
		attachments = List.copyOf(attachments);
	}

	/** A file attached to the mail, with the name its sender gave it. */
	public record Attachment(String fileName, byte[] content) {
	}

}
