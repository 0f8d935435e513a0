package dev.parley.conversations;

import java.time.Instant;

/**
 * A visitor left a message instead of chatting live: outside business hours, or after
 * waiting too long. The conversation sits in its group's backlog until an agent picks it
 * up. The hook for turning it into a ticket, and for answering by e-mail. How to reach
 * the visitor (e-mail, phone) is not in the event, because stored publications would keep
 * it in plain text: {@link ConversationMail#contact} reads it.
 *
 * @param groupId the group whose backlog it is in; null for conversations in no group
 * @param name the name the visitor gave, or null
 * @param language the visitor's language as his browser gave it, or null
 * @param text what he wrote
 */
public record MessageLeft(long conversationId, long channelId, Long groupId, long visitorId, String name,
		String language, String text, Instant at) {
}
