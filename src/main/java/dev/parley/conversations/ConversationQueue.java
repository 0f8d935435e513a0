package dev.parley.conversations;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What routing needs from live chat: the queue, the open load of agents, and an atomic
 * assignment. Safe across nodes: assignment is a compare-and-set on the conversation row,
 * and counts are read in the caller's transaction (which holds the agent's row lock).
 */
public interface ConversationQueue {

	/**
	 * @param groupId the group whose queue to read; {@code null} for conversations in no
	 * group
	 * @return waiting conversations, longest waiting first
	 */
	List<Waiting> waiting(Long groupId, int limit);

	/**
	 * Assigns a waiting conversation to an agent and tells both sides (after commit).
	 * Joins the caller's transaction.
	 * @return false when it is no longer waiting
	 */
	boolean assign(long conversationId, long agentId);

	/**
	 * @return assigned conversations whose agent has not written since being assigned,
	 * before the given time, with that agent
	 */
	List<Requeued> unanswered(Instant before, int limit);

	/**
	 * Puts an unanswered conversation back into its queue with a line telling the
	 * visitor, if it is still assigned since before the given time (a compare-and-set).
	 */
	boolean requeueUnanswered(long conversationId, Instant before);

	/** A conversation its agent left unanswered. */
	record Requeued(long conversationId, long previousAgentId) {
	}

	/** Puts a conversation into a group's queue (null: into no group). */
	void placeInGroup(long conversationId, Long groupId);

	/**
	 * @return the number of open (assigned, not closed) conversations of each agent,
	 * snoozed ones included (docs/decisions/0007)
	 */
	Map<Long, Integer> openCounts(Collection<Long> agentIds);

	/**
	 * @return the size and the oldest entry of every non-empty queue ({@code groupId}
	 * null for conversations in no group)
	 */
	List<QueueStats> queueStats();

	/** One queue at a glance. */
	record QueueStats(Long groupId, int waiting, Instant longestWaitingSince) {
	}

	/**
	 * @return the conversation with what it asks for, if it waits in a queue now
	 */
	java.util.Optional<Waiting> findWaiting(long conversationId);

	/**
	 * Reserves a waiting conversation for agents who match its needs until the given time
	 * (null: for anyone from now on).
	 */
	void hold(long conversationId, Instant until);

	/**
	 * Ends the holds that ran out on waiting conversations; of several callers at once
	 * only one gets each (a compare-and-set).
	 * @return the conversations released by this call
	 */
	List<Waiting> releaseHolds(Instant now, int limit);

	/**
	 * A conversation in the queue.
	 *
	 * @param language what the customer speaks (his record's language, else his
	 * browser's), a BCP 47 tag; null when unknown
	 * @param skills skills the customer's level asks of the agent
	 * @param heldUntil until when only agents who match may take it; null: anyone
	 */
	record Waiting(long conversationId, long channelId, Long groupId, Instant since, String language,
			List<String> skills, Instant heldUntil) {
	}

}
