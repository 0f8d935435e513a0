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

	/** A conversation in the queue. */
	record Waiting(long conversationId, long channelId, Long groupId, Instant since) {
	}

}
