package dev.parley.conversations;

import java.time.Instant;

/**
 * A visitor started a conversation: to chat live (it waits in the queue) or to leave a
 * message outside business hours ({@code leftMessage}).
 *
 * @param groupId the group whose queue or backlog it is in; null for no group
 */
public record ConversationStarted(long conversationId, long channelId, long visitorId, Long groupId,
		boolean leftMessage, Instant at) {
}
