package dev.parley.conversations;

import java.time.Instant;

/**
 * Published (as a Spring application event, after commit) when a visitor leaves a message
 * instead of chatting live: outside business hours, or after waiting too long. The
 * conversation sits in its group's backlog until an agent picks it up. The hook for
 * turning it into a ticket once tickets exist, and for answering by e-mail.
 *
 * @param groupId the group whose backlog it is in; null for conversations in no group
 */
public record MessageLeft(long conversationId, long channelId, Long groupId, long visitorId, String email, String phone,
		Instant at) {
}
