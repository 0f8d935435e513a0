package dev.parley.tickets.internal.mail;

import dev.parley.tickets.TicketArticleAdded;
import dev.parley.tickets.TicketCreated;
import dev.parley.tickets.TicketOrigin;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the customer what the ticket events say: the acknowledgement of a ticket that
 * came by mail, and each public reply. Each listener writes its outbox row in its own
 * transaction, which the event publication registry runs again after a crash (the
 * idempotency keys store nothing twice).
 */
@Component
class TicketMailEvents {

	private final TicketMailer mailer;

	TicketMailEvents(TicketMailer mailer) {
		this.mailer = mailer;
	}

	@ApplicationModuleListener
	void on(TicketCreated event) {
		if (event.origin() == TicketOrigin.EMAIL) {
			this.mailer.acknowledgeCreated(event.ticketId());
		}
	}

	@ApplicationModuleListener
	void on(TicketArticleAdded event) {
		if ("REPLY".equals(event.kind())) {
			this.mailer.replyAdded(event.articleId());
		}
	}

}
