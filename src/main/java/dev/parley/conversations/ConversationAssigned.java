package dev.parley.conversations;

import java.time.Instant;

/**
 * A waiting conversation was taken by an agent, by routing or by the agent's own hand.
 *
 * @param agentId the staff member it is assigned to
 * @param waitedSince when it entered the queue (for the waiting time)
 */
public record ConversationAssigned(long conversationId, long channelId, Long groupId, long agentId, Instant waitedSince,
		Instant at) {
}
