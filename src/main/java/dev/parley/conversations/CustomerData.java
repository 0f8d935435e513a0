package dev.parley.conversations;

import java.time.Instant;
import java.util.List;

/**
 * Live chat's part of a data subject request (the customers module calls it): what live
 * chat holds about one customer's visitors and conversations, and its erasure.
 */
public interface CustomerData {

	/** The text that takes the place of erased messages and notes. */
	String ERASED = "[erased]";

	/**
	 * @return every visitor linked to the customer, with his contact details opened
	 */
	List<VisitorRecord> visitors(long customerId);

	/**
	 * @return every conversation of the customer's visitors, oldest first, with the
	 * messages the visitor saw (agents by their public names; internal notes left out)
	 */
	List<Transcript> transcripts(long customerId);

	/**
	 * Anonymises everything of the customer's visitors, in the caller's transaction: the
	 * texts of their conversations' messages and notes replaced by {@link #ERASED}, their
	 * files deleted, what the visitor gave or his browser told (name, e-mail, phone, IP,
	 * pages, browser, the identity a website vouched for, ratings' comments) cleared,
	 * their transcripts' search terms deleted, and the visitors unlinked from the
	 * customer (a returning visitor gets a new record). Announces
	 * {@link ConversationAnonymised} for each conversation.
	 */
	Anonymised anonymise(long customerId);

	/**
	 * @return closed conversations whose last message is older than {@code before} and
	 * that are not anonymised yet, oldest ids first
	 */
	List<Long> expiredConversations(java.time.Instant before, int limit);

	/**
	 * Anonymises these conversations as {@link #anonymise} does, in the caller's
	 * transaction, and clears their visitors who were last seen before {@code before} and
	 * have no other conversation left that is not anonymised.
	 * @return what it anonymised
	 */
	Anonymised anonymiseConversations(List<Long> conversationIds, java.time.Instant before);

	/**
	 * Clears visitors last seen before {@code before} who have no conversation that is
	 * not anonymised (visitors who only looked, or whose conversations are gone), in the
	 * caller's transaction.
	 * @return how many it cleared (at most {@code limit})
	 */
	int clearIdleVisitors(java.time.Instant before, int limit);

	/**
	 * @return whether any of the customer's visitors has a conversation that is not
	 * anonymised
	 */
	boolean hasKeptConversations(long customerId);

	/**
	 * @return whether the customer's visitors had conversations and every one of them is
	 * anonymised now (what retention erases; not a record that never had any)
	 */
	boolean onlyAnonymisedConversations(long customerId);

	record VisitorRecord(long id, long channelId, String name, String email, String phone, String ip, String language,
			String userAgent, String pageUrl, Instant firstSeenAt, Instant lastSeenAt) {
	}

	record Transcript(long conversationId, long channelId, String status, Instant startedAt, Instant closedAt,
			Integer rating, String ratingComment, List<Line> lines) {
	}

	/**
	 * @param side visitor, agent or system
	 * @param name the visitor's name or the agent's public name
	 * @param fileName the name of a file sent, or null
	 */
	record Line(long seq, String side, String name, String text, String fileName, Instant at) {
	}

	record Anonymised(int visitors, int conversations, int messages, int files) {
	}

}
