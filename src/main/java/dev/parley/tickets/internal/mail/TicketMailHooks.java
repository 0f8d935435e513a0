package dev.parley.tickets.internal.mail;

import dev.parley.tickets.TicketOrigin;
import dev.parley.tickets.internal.Ticket;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketArticle;
import dev.parley.tickets.internal.TicketArticle.ArticleKind;
import dev.parley.tickets.internal.TicketHooks;

import org.springframework.stereotype.Component;

/**
 * Mails the customer what happens on his ticket, in the transaction of the change: the
 * acknowledgement of a ticket that came by mail, and each public reply. The outbox row is
 * written with the change or not at all, and sent after the commit.
 */
@Component
class TicketMailHooks implements TicketHooks {

	private final TicketMailer mailer;

	TicketMailHooks(TicketMailer mailer) {
		this.mailer = mailer;
	}

	@Override
	public void created(Ticket ticket, TicketActor actor) {
		if (ticket.origin() == TicketOrigin.EMAIL) {
			this.mailer.acknowledgeCreated(ticket.id());
		}
	}

	@Override
	public void articleAdded(Ticket ticket, TicketArticle article, TicketActor actor) {
		if (article.kind() == ArticleKind.REPLY) {
			this.mailer.replyAdded(article.id());
		}
	}

}
