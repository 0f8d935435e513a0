package dev.parley.tickets.internal.sla;

import java.util.Optional;

import dev.parley.tickets.PendingOn;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.TicketType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the SLA code reads and writes of the ticket table itself: its SLA columns, its
 * history, and an escalation's change of priority and group.
 */
@Repository
class TicketRows {

	private final JdbcClient jdbc;

	TicketRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A ticket as the sweep needs it. */
	record Row(TicketFacts facts, String number, String subject, Long assigneeId, Long policyId,
			Long firstRespondedAt) {
	}

	Optional<Row> find(long ticketId) {
		return this.jdbc
			.sql("SELECT id, status, pending_on, priority, type, group_id, customer_id, number, subject, assignee_id, "
					+ "sla_policy_id, first_responded_at FROM ticket WHERE id = ?")
			.param(ticketId)
			.query((rs, n) -> {
				String pending = rs.getString("pending_on");
				TicketFacts facts = new TicketFacts(rs.getLong("id"), TicketStatus.valueOf(rs.getString("status")),
						(pending != null) ? PendingOn.valueOf(pending) : null,
						TicketPriority.ofRank(rs.getInt("priority")).orElse(TicketPriority.NORMAL),
						TicketType.valueOf(rs.getString("type")), rs.getObject("group_id", Long.class),
						rs.getLong("customer_id"));
				return new Row(facts, rs.getString("number"), rs.getString("subject"),
						rs.getObject("assignee_id", Long.class), rs.getObject("sla_policy_id", Long.class),
						rs.getObject("first_responded_at", Long.class));
			})
			.optional();
	}

	/**
	 * Sets the ticket's policy and its SLA due time: the earliest due time of its running
	 * clocks (overdue ones included), null when none runs.
	 */
	void slaColumns(long ticketId, Long policyId) {
		this.jdbc
			.sql("UPDATE ticket SET sla_policy_id = ?, sla_due_at = (SELECT MIN(c.due_at) FROM ticket_sla_clock c "
					+ "WHERE c.ticket_id = ? AND c.running_since IS NOT NULL) WHERE id = ?")
			.params(policyId, ticketId, ticketId)
			.update();
	}

	/** Sets the ticket's SLA due time again, its policy unchanged. */
	void slaDue(long ticketId) {
		this.jdbc
			.sql("UPDATE ticket SET sla_due_at = (SELECT MIN(c.due_at) FROM ticket_sla_clock c "
					+ "WHERE c.ticket_id = ? AND c.running_since IS NOT NULL) WHERE id = ?")
			.params(ticketId, ticketId)
			.update();
	}

	/**
	 * An escalation: a new priority and group, as a change of the ticket (version), only
	 * if nobody changed its priority, group or assignee since it was read (a change
	 * committed meanwhile is never overwritten).
	 * @return whether it was written
	 */
	boolean escalate(Row read, TicketPriority priority, Long groupId, Long assigneeId, long now) {
		return this.jdbc
			.sql("UPDATE ticket SET priority = ?, group_id = ?, assignee_id = ?, version = version + 1, "
					+ "updated_at = ? WHERE id = ? AND priority = ? AND COALESCE(group_id, -1) = ? "
					+ "AND COALESCE(assignee_id, -1) = ?")
			.params(priority.rank(), groupId, assigneeId, now, read.facts().id(), read.facts().priority().rank(),
					(read.facts().groupId() != null) ? read.facts().groupId() : -1L,
					(read.assigneeId() != null) ? read.assigneeId() : -1L)
			.update() == 1;
	}

	void history(long ticketId, String action, String field, String oldValue, String newValue, String detail, long at) {
		this.jdbc
			.sql("INSERT INTO ticket_history (ticket_id, actor, action, field, old_value, new_value, detail, "
					+ "occurred_at) VALUES (?, 'system', ?, ?, ?, ?, ?, ?)")
			.params(ticketId, action, field, oldValue, newValue, detail, at)
			.update();
	}

}
