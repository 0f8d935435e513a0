package dev.parley.conversations;

import java.time.Instant;
import java.util.List;

import dev.parley.conversations.views.ChatViews.MessageView;

/**
 * Live chat's conversations as the customers module shows them on a customer's page: the
 * conversations of every visitor of one customer, on every channel, and their
 * transcripts. Customers only ever see an agent's public name.
 */
public interface CustomerConversations {

	/**
	 * @param before keyset cursor: only conversations that started before this
	 * (conversation start, id); null for the newest
	 * @return the customer's conversations, newest first
	 */
	List<CustomerConversation> list(long customerId, Cursor before, int limit);

	/**
	 * @return the moments of the customer's conversations (started, closed, rated) at or
	 * before {@code atOrBefore}, newest first, at most {@code limit} of each kind
	 */
	List<Moment> moments(long customerId, Instant atOrBefore, int limit);

	/**
	 * The transcript of one of the customer's conversations, as staff see it (no internal
	 * notes).
	 * @throws dev.parley.platform.ApiException not_found when the conversation is not one
	 * of this customer's
	 */
	List<MessageView> transcript(long customerId, long conversationId, long afterSeq, int limit);

	/**
	 * Closes the customer's open conversations (he was blocked), as closed by that staff
	 * member.
	 * @return how many were closed
	 */
	int closeOpen(long customerId, long byUserId);

	record Cursor(Instant startedAt, long id) {
	}

	/**
	 * @param agentName the assignee's public name; null when nobody took it
	 */
	record CustomerConversation(long id, ConversationStatus status, long channelId, String channelName,
			String channelKind, String agentName, String question, Instant startedAt, Instant closedAt, Integer rating,
			String ratingComment, long messages) {
	}

	/**
	 * One thing that happened in a conversation, for the customer's timeline.
	 */
	record Moment(long conversationId, Kind kind, Instant at, String channelName, String agentName, Integer rating) {

		public enum Kind {

			STARTED, CLOSED, RATED

		}

	}

}
