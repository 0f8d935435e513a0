package dev.parley.tickets.internal;

/**
 * What follows a ticket's change inside its transaction: the SLA clocks, the search
 * index, mail to the customer. Every bean of this type is called, in order, after the
 * change is written; an exception rolls the change back.
 */
public interface TicketHooks {

	default void created(Ticket ticket, TicketActor actor) {
	}

	default void changed(Ticket before, Ticket after, TicketActor actor) {
	}

	default void articleAdded(Ticket ticket, TicketArticle article, TicketActor actor) {
	}

}
