package dev.parley.notifications.internal;

import dev.parley.conversations.ConversationAnonymised;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a conversation is anonymised, the outbox and the delivery log forget what they
 * copied of it (transcripts, texts, names) and send nothing more about it.
 */
@Component
class AnonymisedConversations {

	private final NotificationRepository notifications;

	AnonymisedConversations(NotificationRepository notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(ConversationAnonymised event) {
		this.notifications.forgetConversation(event.conversationId(), "The conversation was anonymised");
	}

}
