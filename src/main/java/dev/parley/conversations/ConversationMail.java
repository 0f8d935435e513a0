package dev.parley.conversations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the notifications module reads to write to visitors by e-mail or SMS: how to reach
 * a conversation's visitor, the agents' replies he has not read, and the transcript.
 */
public interface ConversationMail {

	/**
	 * The visitor of a conversation and how to reach him (e-mail, phone, both or
	 * neither).
	 */
	Optional<Contact> contact(long conversationId);

	/**
	 * Agents' messages (text and files) posted after {@code after} and no later than
	 * {@code until} that their visitor has not read, in conversations whose visitor left
	 * an e-mail address or a phone number; oldest first.
	 */
	List<UnreadReply> unreadAgentReplies(Instant after, Instant until, int limit);

	/**
	 * The lines a visitor sees of a conversation: messages and files with the names the
	 * visitor sees (agents by their public name), no notes, no event lines.
	 */
	List<Line> transcript(long conversationId);

	/** The address the visitor asked to get the transcript at, if he asked. */
	Optional<String> transcriptRequest(long conversationId);

	/**
	 * @param language the visitor's language as his browser gave it, or null
	 * @param leftMessage whether he left a message rather than chatting live
	 */
	record Contact(long conversationId, long visitorId, String name, String email, String phone, String language,
			ConversationStatus status, boolean leftMessage, Instant closedAt) {
	}

	/**
	 * @param agentName the agent's public name
	 * @param text the message, or null for a file
	 * @param fileName the file's name, or null for a text
	 */
	record UnreadReply(Contact contact, long seq, String agentName, String text, String fileName, Instant at) {
	}

	/**
	 * @param visitor whether the visitor wrote it
	 * @param name the author as the visitor sees him: his own name (or null), an agent's
	 * public name
	 */
	record Line(boolean visitor, String name, String text, String fileName, Instant at) {
	}

}
