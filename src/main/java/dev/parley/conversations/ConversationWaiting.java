package dev.parley.conversations;

import java.time.Instant;

/**
 * A conversation entered a queue and waits for an agent: a visitor started it, it was
 * transferred to a group, its agent left it unanswered, or the visitor wrote again after
 * it closed with nobody assigned. Routing listens to this.
 *
 * @param groupId the group whose queue it is in; null for conversations in no group
 * @param since when it started waiting
 */
public record ConversationWaiting(long conversationId, long channelId, Long groupId, Instant since) {
}
