package dev.parley.tickets.internal.sla;

import dev.parley.tickets.internal.Ticket;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketArticle;
import dev.parley.tickets.internal.TicketHooks;

import org.springframework.stereotype.Component;

/**
 * Moves the SLA clocks with the ticket, in the transaction of each change: a new ticket
 * starts them, a change (of status, priority, group ...) pauses, resumes, stops or
 * re-targets them, a public reply meets the reply targets and a customer's message starts
 * the next-response clock (after the change its reopening made).
 */
@Component
class SlaHooks implements TicketHooks {

	private final SlaClocks clocks;

	SlaHooks(SlaClocks clocks) {
		this.clocks = clocks;
	}

	@Override
	public void created(Ticket ticket, TicketActor actor) {
		this.clocks.started(facts(ticket), ticket.createdAt());
	}

	@Override
	public void changed(Ticket before, Ticket after, TicketActor actor) {
		this.clocks.changed(facts(before), facts(after), after.updatedAt());
	}

	@Override
	public void articleAdded(Ticket ticket, TicketArticle article, TicketActor actor) {
		switch (article.kind()) {
			case REPLY -> this.clocks.agentReplied(facts(ticket), article.createdAt());
			case CUSTOMER -> this.clocks.customerReplied(facts(ticket), article.createdAt());
			default -> {
			}
		}
	}

	static TicketFacts facts(Ticket ticket) {
		return new TicketFacts(ticket.id(), ticket.status(), ticket.pendingOn(), ticket.priority(), ticket.type(),
				ticket.groupId(), ticket.customerId());
	}

}
