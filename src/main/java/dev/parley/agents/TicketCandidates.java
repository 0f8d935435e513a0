package dev.parley.agents;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Who of a group may get a ticket, in the group's routing order: for the tickets module's
 * automatic assignment (agents know nothing of tickets; the caller counts each agent's
 * tickets). Tickets are not live, so an agent's chat status does not matter: the members
 * on shift now count, against their ticket capacity, apart from their chat capacity.
 */
public interface TicketCandidates {

	/** The most unsolved tickets an agent's ticket capacity may be set to. */
	int MAX_TICKET_CAPACITY = 500;

	/**
	 * @param groupId the ticket's group
	 * @param openTickets counts the unsolved tickets (new, open, pending) assigned to
	 * each of the given agents (absent: none)
	 * @return the members on shift with room for another ticket, best first (least busy:
	 * lowest share of the ticket capacity in use, then whose turn it is; round robin:
	 * whose turn it is); empty for a manual group or no such group
	 */
	List<Long> candidates(long groupId, Function<Collection<Long>, Map<Long, Integer>> openTickets);

	/** Records that the agent got a ticket: his round-robin turn for tickets. */
	void assigned(long userId);

}
