package dev.parley.conversations;

import java.util.List;
import java.util.Optional;

/**
 * The port through which a customer's e-mail reply goes into his conversation (the
 * notifications module reads the mailbox and decides which mail may; it finds the
 * conversation's visitor through {@link ConversationMail#contact}). Whatever it posts is
 * written as the conversation's visitor, never as an agent.
 */
public interface VisitorMail {

	/**
	 * Appends the visitor's e-mail reply to the conversation: its text, then each file
	 * that passes the same inspection as a chat upload (the channel's allow-list, the
	 * size limit, programs refused); a refused file is left out and an event line says
	 * so. A closed conversation reopens (however long ago it closed: the reply names it),
	 * a snoozed one wakes, and agents see the lines live. Idempotent on
	 * {@code messageKey}: the same mail posted again stores nothing.
	 * @param messageKey what identifies the mail (its Message-ID)
	 * @param text the reply's text (may be blank when the mail only carries files); cut
	 * to the longest message the chat takes
	 * @throws IllegalArgumentException when the conversation is unknown or not the
	 * visitor's (nothing is stored)
	 * @throws dev.parley.platform.ApiException {@code customer_blocked} when the
	 * visitor's customer is blocked (nothing is stored)
	 */
	MailPosting postReplyByMail(long conversationId, long visitorId, String messageKey, String text,
			List<MailAttachment> attachments);

	/** A file attached to an e-mail, with the name its sender gave it. */
	record MailAttachment(String fileName, byte[] content) {
	}

	/**
	 * What a posting did.
	 *
	 * @param duplicate the mail had been posted before: nothing was stored now
	 * @param lines the messages stored now (text and files)
	 * @param refused the files left out, each with the reason's code ({@code executable},
	 * {@code type}, {@code too_large}, {@code empty})
	 */
	record MailPosting(boolean duplicate, int lines, List<RefusedFile> refused) {
	}

	/** A file that was not posted, and why. */
	record RefusedFile(String fileName, String reason) {
	}

}
