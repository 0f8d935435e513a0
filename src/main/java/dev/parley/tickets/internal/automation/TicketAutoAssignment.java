package dev.parley.tickets.internal.automation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.agents.TicketCandidates;
import dev.parley.platform.ApiException;
import dev.parley.tickets.TicketChanged;
import dev.parley.tickets.TicketCreated;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.internal.Ticket;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketChanges;
import dev.parley.tickets.internal.TicketNames;
import dev.parley.tickets.internal.TicketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Automatic assignment of new tickets: a NEW ticket with a group and nobody assigned goes
 * to the first of the group's candidates (agents: the members on shift, whatever their
 * chat status, with room under their ticket capacity, in the group's routing order). His
 * assigned tickets not solved yet (new, open, pending) count against his ticket capacity.
 * A manual group, or nobody with room, leaves the ticket unassigned for the group to
 * take.
 */
@Component
class TicketAutoAssignment {

	private static final Logger log = LoggerFactory.getLogger(TicketAutoAssignment.class);

	static final String REASON = "Automatic assignment";

	private final TicketCandidates candidates;

	private final TicketRepository tickets;

	private final TicketChanges changes;

	private final TicketNames names;

	private final JdbcClient jdbc;

	TicketAutoAssignment(TicketCandidates candidates, TicketRepository tickets, TicketChanges changes,
			TicketNames names, JdbcClient jdbc) {
		this.candidates = candidates;
		this.tickets = tickets;
		this.changes = changes;
		this.names = names;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(TicketCreated event) {
		assign(event.ticketId());
	}

	/** A new ticket moved to a group without an assignee (by hand, or by escalation). */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(TicketChanged event) {
		if (event.fields().contains("group") && event.groupId() != null && event.assigneeId() == null
				&& event.status() == TicketStatus.NEW) {
			assign(event.ticketId());
		}
	}

	/**
	 * Outside a transaction: the assignment is the change's own, so that one refused
	 * (someone changed the ticket meanwhile) is simply not made.
	 * @return the agent it went to, or null
	 */
	Long assign(long ticketId) {
		Ticket ticket = this.tickets.find(ticketId).orElse(null);
		if (ticket == null || ticket.status() != TicketStatus.NEW || ticket.groupId() == null
				|| ticket.assigneeId() != null || ticket.mergedIntoId() != null) {
			return null;
		}
		List<Long> ranked = this.candidates.candidates(ticket.groupId(), this::openTickets);
		for (Long agent : ranked) {
			if (this.names.staff(agent).isEmpty()) {
				continue; // disabled meanwhile
			}
			ObjectNode patch = JsonNodeFactory.instance.objectNode();
			patch.put("version", ticket.version());
			patch.put("assigneeId", agent);
			patch.put("reason", REASON);
			try {
				this.changes.update(ticketId, patch, TicketActor.system());
			}
			catch (ApiException ex) {
				// changed meanwhile (someone took it): theirs, not ours
				log.info("Ticket {} not assigned automatically: {}", ticketId, ex.getMessage());
				return null;
			}
			this.candidates.assigned(agent);
			return agent;
		}
		return null;
	}

	/** Tickets assigned to each agent that are not solved yet: new, open and pending. */
	Map<Long, Integer> openTickets(Collection<Long> agents) {
		Map<Long, Integer> counts = new HashMap<>();
		if (agents.isEmpty()) {
			return counts;
		}
		this.jdbc.sql(
				"SELECT assignee_id, COUNT(*) FROM ticket WHERE assignee_id IN (:ids) AND status IN ('NEW', 'OPEN', 'PENDING') "
						+ "GROUP BY assignee_id")
			.param("ids", agents)
			.query((rs) -> {
				counts.put(rs.getLong(1), rs.getInt(2));
			});
		return counts;
	}

}
