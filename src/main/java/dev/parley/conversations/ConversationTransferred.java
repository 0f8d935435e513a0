package dev.parley.conversations;

import java.time.Instant;

/**
 * A conversation was handed to another agent ({@code toAgentId}), or back into a queue
 * (then a {@link ConversationWaiting} follows): the queue of {@code toGroupId}, or, when
 * both are null, the queue of conversations in no group.
 *
 * @param fromAgentId who had it before; null when it was waiting
 * @param byUserId who transferred it; null when Parley put it back into the queue because
 * its agent left it unanswered
 * @param noteId the internal note written with the transfer, if any
 * @param takenOver whether this was a take-over: a supervisor ({@code byUserId}, also
 * {@code toAgentId}) took the conversation from its agent for himself
 */
public record ConversationTransferred(long conversationId, Long fromAgentId, Long toAgentId, Long toGroupId,
		Long byUserId, Long noteId, Instant at, boolean takenOver) {
}
