package dev.parley.conversations;

import java.time.Instant;

/**
 * A visitor left a message instead of chatting live: outside business hours, or after
 * waiting too long. The conversation sits in its group's backlog until an agent picks it
 * up. The hook for turning it into a ticket, and for answering by e-mail.
 *
 * @param groupId the group whose backlog it is in; null for conversations in no group
 * @param email the address to answer to, if the visitor gave one
 * @param phone the number to answer to, if the visitor gave one
 */
public record MessageLeft(long conversationId, long channelId, Long groupId, long visitorId, String email, String phone,
		Instant at) {
}
