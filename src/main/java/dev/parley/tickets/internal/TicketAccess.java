package dev.parley.tickets.internal;

import java.util.ArrayList;
import java.util.List;

import dev.parley.conversations.GroupDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.tickets.TicketType;

import org.springframework.stereotype.Component;

/**
 * Who may see a ticket. A staff member with {@code ticket.view} sees the tickets assigned
 * to him, those he follows, those of his groups and those of no group; with
 * {@code ticket.view_all} every ticket. Complaints need {@code complaint.handle} as well.
 * A ticket one may not see is not found (404), so its existence is not told.
 */
@Component
public class TicketAccess {

	private final TicketRepository tickets;

	private final GroupDirectory groups;

	TicketAccess(TicketRepository tickets, GroupDirectory groups) {
		this.tickets = tickets;
		this.groups = groups;
	}

	/**
	 * @return the ticket, if the actor may see it
	 * @throws ApiException not_found when it does not exist or he may not see it
	 */
	public Ticket visible(long ticketId, TicketActor actor) {
		Ticket ticket = this.tickets.find(ticketId).orElseThrow(() -> ApiException.notFound("Ticket"));
		if (!canSee(ticket, actor)) {
			throw ApiException.notFound("Ticket");
		}
		return ticket;
	}

	public boolean canSee(Ticket ticket, TicketActor actor) {
		return switch (actor.kind()) {
			case SYSTEM -> true;
			case CUSTOMER -> actor.customerId() != null && actor.customerId() == ticket.customerId();
			case STAFF -> staffSees(ticket, actor);
		};
	}

	/**
	 * @return those of the tickets the actor may see, in their order (his groups read
	 * once, not per ticket)
	 */
	public List<Ticket> visibleOf(List<Ticket> tickets, TicketActor actor) {
		if (actor.kind() != TicketActor.Kind.STAFF) {
			return tickets.stream().filter((t) -> canSee(t, actor)).toList();
		}
		List<Long> groups = new ArrayList<>();
		boolean groupsRead = false;
		List<Ticket> visible = new ArrayList<>();
		for (Ticket ticket : tickets) {
			if (!sure(ticket, actor)) {
				if (!canSeeAny(ticket, actor)) {
					continue;
				}
				if (!groupsRead) {
					groups.addAll(myGroups(actor));
					groupsRead = true;
				}
				if (!groups.contains(ticket.groupId()) && !this.tickets.follows(ticket.id(), actor.staffId())) {
					continue;
				}
			}
			visible.add(ticket);
		}
		return visible;
	}

	/** Whether his permissions let him see a ticket of this type at all. */
	private static boolean canSeeAny(Ticket ticket, TicketActor actor) {
		return actor.can(Permission.TICKET_VIEW)
				&& (ticket.type() != TicketType.COMPLAINT || actor.can(Permission.COMPLAINT_HANDLE));
	}

	/** Whether he sees it without asking for his groups or followed tickets. */
	private static boolean sure(Ticket ticket, TicketActor actor) {
		return canSeeAny(ticket, actor) && (actor.can(Permission.TICKET_VIEW_ALL) || ticket.groupId() == null
				|| actor.staffId().equals(ticket.assigneeId()));
	}

	private boolean staffSees(Ticket ticket, TicketActor actor) {
		if (!canSeeAny(ticket, actor)) {
			return false;
		}
		if (sure(ticket, actor)) {
			return true;
		}
		return myGroups(actor).contains(ticket.groupId()) || this.tickets.follows(ticket.id(), actor.staffId());
	}

	/**
	 * @return the groups the staff member belongs to
	 */
	public List<Long> myGroups(TicketActor actor) {
		return (actor.staffId() != null) ? this.groups.groupsOf(actor.staffId()) : List.of();
	}

}
