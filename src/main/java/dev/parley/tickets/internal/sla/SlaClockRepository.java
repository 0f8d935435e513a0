package dev.parley.tickets.internal.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code ticket_sla_clock}. */
@Repository
class SlaClockRepository {

	private static final String COLUMNS = "ticket_id, target, policy_id, started_at, due_at, used_ms, running_since, "
			+ "met_at, warned_at, breached_at, alert_at";

	private final JdbcClient jdbc;

	SlaClockRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<SlaClock> of(long ticketId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ticket_sla_clock WHERE ticket_id = ? ORDER BY target")
			.param(ticketId)
			.query(SlaClockRepository::clock)
			.list();
	}

	/** Clocks whose next alert is due at {@code now}, the most overdue first. */
	List<SlaClock> alerting(long now, int limit) {
		return this.jdbc
			// ">= 0": a range that starts after the clocks without an alert (most of
			// them,
			// once tickets are done), which H2 would read first for "<=" alone
			.sql("SELECT " + COLUMNS
					+ " FROM ticket_sla_clock WHERE alert_at >= 0 AND alert_at <= ? ORDER BY alert_at LIMIT ?")
			.params(now, limit)
			.query(SlaClockRepository::clock)
			.list();
	}

	/** Writes the clock: replaces the row of its ticket and target, or adds one. */
	void save(SlaClock c) {
		int updated = this.jdbc
			.sql("UPDATE ticket_sla_clock SET policy_id = ?, started_at = ?, due_at = ?, used_ms = ?, "
					+ "running_since = ?, met_at = ?, warned_at = ?, breached_at = ?, alert_at = ? "
					+ "WHERE ticket_id = ? AND target = ?")
			.params(c.policyId(), c.startedAt(), c.dueAt(), c.usedMs(), c.runningSince(), c.metAt(), c.warnedAt(),
					c.breachedAt(), c.alertAt(), c.ticketId(), c.target().name())
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO ticket_sla_clock (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(c.ticketId(), c.target().name(), c.policyId(), c.startedAt(), c.dueAt(), c.usedMs(),
						c.runningSince(), c.metAt(), c.warnedAt(), c.breachedAt(), c.alertAt())
				.update();
		}
	}

	void delete(long ticketId, SlaTarget target) {
		this.jdbc.sql("DELETE FROM ticket_sla_clock WHERE ticket_id = ? AND target = ?")
			.params(ticketId, target.name())
			.update();
	}

	/**
	 * Records the breach of a running clock once: false when it is breached already, or
	 * no longer running, or not due yet (someone changed it in the meantime).
	 */
	boolean markBreached(SlaClock c, long now) {
		return this.jdbc
			.sql("UPDATE ticket_sla_clock SET breached_at = due_at, alert_at = NULL WHERE ticket_id = ? AND target = ? "
					+ "AND breached_at IS NULL AND running_since IS NOT NULL AND due_at <= ?")
			.params(c.ticketId(), c.target().name(), now)
			.update() == 1;
	}

	/** Records the warning of a running clock once; the breach is the next alert. */
	boolean markWarned(SlaClock c, long now) {
		return this.jdbc
			.sql("UPDATE ticket_sla_clock SET warned_at = ?, alert_at = due_at WHERE ticket_id = ? AND target = ? "
					+ "AND warned_at IS NULL AND breached_at IS NULL AND running_since IS NOT NULL AND alert_at <= ? "
					+ "AND due_at > ?")
			.params(now, c.ticketId(), c.target().name(), now, now)
			.update() == 1;
	}

	/**
	 * An alert that no longer applies (the clock changed): look again at its due time.
	 */
	void settleAlert(SlaClock c) {
		this.jdbc
			.sql("UPDATE ticket_sla_clock SET alert_at = CASE WHEN running_since IS NULL OR breached_at IS NOT NULL "
					+ "THEN NULL ELSE due_at END WHERE ticket_id = ? AND target = ? AND alert_at = ?")
			.params(c.ticketId(), c.target().name(), c.alertAt())
			.update();
	}

	private static SlaClock clock(ResultSet rs, int row) throws SQLException {
		return new SlaClock(rs.getLong("ticket_id"), SlaTarget.valueOf(rs.getString("target")), rs.getLong("policy_id"),
				rs.getLong("started_at"), rs.getObject("due_at", Long.class), rs.getLong("used_ms"),
				rs.getObject("running_since", Long.class), rs.getObject("met_at", Long.class),
				rs.getObject("warned_at", Long.class), rs.getObject("breached_at", Long.class),
				rs.getObject("alert_at", Long.class));
	}

}
