package dev.parley.notifications.internal.inbound;

import java.util.List;

import dev.parley.conversations.VisitorMail.MailAttachment;

/**
 * What the reader needs of one inbound mail.
 *
 * @param key what identifies the mail (SHA-256 of its Message-ID, else of its bytes)
 * @param messageId the Message-ID as written, or null
 * @param from the sender's address (lower case), or null when the mail has no readable
 * single sender
 * @param subject the decoded subject, for the log
 * @param recipients the addresses of To, Cc, Delivered-To and X-Original-To, in that
 * order (where a plus-addressed reply token is)
 * @param threadIds the message ids of In-Reply-To, then References (where a token in one
 * of Parley's Message-IDs is)
 * @param autoReply why the mail is automatic, or null when a person wrote it
 * @param text the reply's text without the quoted earlier mail
 * @param fullText the whole text, when stripping the quote left nothing
 * @param fromName the sender's display name, or null
 */
record ParsedMail(String key, String messageId, String from, String subject, List<String> recipients,
		List<String> threadIds, String autoReply, String text, String fullText, List<MailAttachment> attachments,
		String fromName) {
}
