package dev.parley.conversations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A customer's own conversations on every channel, as he sees them (agents by their
 * public name only): what the customers' portal shows and lets him continue. Every call
 * names the customer, and a conversation that is not his is not found.
 */
public interface PortalConversations {

	/** The most conversations {@link #list} answers. */
	int LIST_LIMIT = 200;

	/**
	 * @return his conversations, newest first (at most {@link #LIST_LIMIT})
	 */
	List<Summary> list(long customerId);

	/**
	 * @param afterSeq lines after this sequence number (0 for the start)
	 * @param limit 1 to 200
	 * @return the conversation and its messages (no internal notes, no event lines), or
	 * empty when it is not his
	 */
	Optional<Page> transcript(long customerId, long conversationId, long afterSeq, int limit);

	/**
	 * Writes into one of his conversations as its visitor. An open one (or one closed
	 * within the reopen window, {@code chat.reopenWindowMinutes}) takes the message as
	 * the widget's would; a conversation closed longer ago is continued in a new
	 * conversation of the same visitor on the same channel, which the answer names.
	 * Idempotent on the client id.
	 * @param name his name, for a channel whose pre-chat form asks for one
	 * @param email his verified address, for a channel whose pre-chat form asks for one
	 * @throws dev.parley.platform.ApiException {@code not_found} when it is not his
	 */
	Written write(long customerId, long conversationId, String clientId, String text, String name, String email);

	/**
	 * @param agentName the assignee's public name; null when none
	 */
	record Summary(long id, ConversationStatus status, long channelId, String channelName, String agentName,
			String question, Instant createdAt, Instant closedAt, Instant lastMessageAt, String lastMessagePreview) {
	}

	/**
	 * One message as the customer sees it.
	 *
	 * @param side who wrote it
	 * @param name the agent's public name (null for the customer's own lines)
	 * @param attachmentName the file's name for an attachment, else null
	 */
	record Line(long seq, Side side, String name, String text, String attachmentName, Instant createdAt) {
	}

	/**
	 * One page of a transcript, also what the portal polls for news (keyset on the
	 * sequence number).
	 *
	 * @param lastSeq the highest sequence number read, hidden event lines included (the
	 * {@code afterSeq} asked for when nothing is newer): where the next page starts
	 * @param more whether the page was full, so that more may follow at once
	 */
	record Page(Summary conversation, List<Line> lines, long lastSeq, boolean more) {
	}

	/**
	 * @param conversationId where the message went
	 * @param continuedFrom the closed conversation it continues, when a new one was
	 * started; null otherwise
	 */
	record Written(long conversationId, Long continuedFrom, Line line) {
	}

}
