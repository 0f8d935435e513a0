package dev.parley.conversations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Live chat's side of customer records: which visitors (and so which conversations)
 * belong to a customer. The customers module calls it.
 */
public interface CustomerVisitors {

	/**
	 * @return the customer a visitor belongs to, if he was linked to one
	 */
	Optional<Long> customerOf(long visitorId);

	/**
	 * @return the customer whose visitor had this conversation, if he was linked to one
	 */
	Optional<Long> customerOfConversation(long conversationId);

	/**
	 * Moves every visitor of one customer to another (a merge). Joins the caller's
	 * transaction.
	 * @return how many visitors moved
	 */
	int moveVisitors(long fromCustomerId, long toCustomerId);

	/**
	 * @return what the customer did in live chat, read from the conversations themselves
	 * (so reading it again after any change gives the right figures)
	 */
	Activity activity(long customerId);

	/**
	 * @param conversations how many conversations he had
	 * @param lastConversationAt when the latest started; null for none
	 * @param lastRating his latest rating (1-5); null for none
	 * @param channelIds the channels his visitors came through
	 */
	record Activity(int conversations, Instant lastConversationAt, Integer lastRating, List<Long> channelIds) {
	}

}
