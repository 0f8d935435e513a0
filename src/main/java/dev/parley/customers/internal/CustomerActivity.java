package dev.parley.customers.internal;

import dev.parley.conversations.ConversationRated;
import dev.parley.conversations.ConversationStarted;
import dev.parley.conversations.CustomerVisitors;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a customer's figures (conversations, the latest one, his latest rating) as live
 * chat changes. Each reaction reads the figures from the conversations again, so an event
 * delivered twice or late changes nothing wrongly.
 */
@Component
class CustomerActivity {

	private final CustomerVisitors visitors;

	private final CustomerRepository customers;

	CustomerActivity(CustomerVisitors visitors, CustomerRepository customers) {
		this.visitors = visitors;
		this.customers = customers;
	}

	@ApplicationModuleListener
	void on(ConversationStarted event) {
		this.visitors.customerOf(event.visitorId()).ifPresent(this::refresh);
	}

	@ApplicationModuleListener
	void on(ConversationRated event) {
		this.visitors.customerOfConversation(event.conversationId()).ifPresent(this::refresh);
	}

	private void refresh(long customerId) {
		this.customers.findLive(customerId)
			.ifPresent((c) -> this.customers.activity(c.id(), this.visitors.activity(c.id())));
	}

}
