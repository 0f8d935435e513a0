package dev.parley.analytics.internal.tickets;

import java.util.List;

import dev.parley.tickets.TicketArticleAdded;
import dev.parley.tickets.TicketChanged;
import dev.parley.tickets.TicketCreated;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hears of tickets that changed (created, any change of status, group, assignee or
 * priority, a reply that answered the customer) and writes their statistics' rows again,
 * read as they are now: a duplicate or late event writes the same row.
 */
@Component
class TicketEvents {

	private final TicketFolder folder;

	TicketEvents(TicketFolder folder) {
		this.folder = folder;
	}

	@ApplicationModuleListener
	void on(TicketCreated event) {
		this.folder.refresh(List.of(event.ticketId()));
	}

	@ApplicationModuleListener
	void on(TicketChanged event) {
		this.folder.refresh(List.of(event.ticketId()));
	}

	@ApplicationModuleListener
	void on(TicketArticleAdded event) {
		this.folder.refresh(List.of(event.ticketId()));
	}

}
