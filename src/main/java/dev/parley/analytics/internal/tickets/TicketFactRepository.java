package dev.parley.analytics.internal.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.parley.tickets.TicketFigures.SlaOutcome;
import dev.parley.tickets.TicketOrigin;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tickets' rows of the statistics (table {@code analytics_ticket}). */
@Repository
class TicketFactRepository {

	static final String COLUMNS = "ticket_id, number, origin, priority, group_id, assignee_id, status, created_at, "
			+ "finished_at, first_response_ms, first_response_bh_ms, resolution_ms, resolution_bh_ms, sla_first, "
			+ "sla_first_due, sla_resolution, sla_resolution_due";

	private static final String UPDATE = "UPDATE analytics_ticket SET number = ?, origin = ?, priority = ?, "
			+ "group_id = ?, assignee_id = ?, status = ?, created_at = ?, finished_at = ?, first_response_ms = ?, "
			+ "first_response_bh_ms = ?, resolution_ms = ?, resolution_bh_ms = ?, sla_first = ?, sla_first_due = ?, "
			+ "sla_resolution = ?, sla_resolution_due = ?, updated_at = ? WHERE ticket_id = ?";

	private static final String INSERT = "INSERT INTO analytics_ticket (number, origin, priority, group_id, "
			+ "assignee_id, status, created_at, finished_at, first_response_ms, first_response_bh_ms, resolution_ms, "
			+ "resolution_bh_ms, sla_first, sla_first_due, sla_resolution, sla_resolution_due, updated_at, ticket_id) "
			+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcClient jdbc;

	TicketFactRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the ticket's row as it is now (another writer of the same row may race). */
	void save(TicketFact fact, long now) {
		Object[] values = values(fact, now);
		if (this.jdbc.sql(UPDATE).params(values).update() > 0) {
			return;
		}
		try {
			this.jdbc.sql(INSERT).params(values).update();
		}
		catch (DuplicateKeyException raced) {
			this.jdbc.sql(UPDATE).params(values).update();
		}
	}

	void delete(long ticketId) {
		this.jdbc.sql("DELETE FROM analytics_ticket WHERE ticket_id = ?").param(ticketId).update();
	}

	void deleteAll() {
		this.jdbc.sql("DELETE FROM analytics_ticket").update();
	}

	/** Every row the filter lets through with the condition, passed one by one. */
	void each(String condition, Map<String, Object> params, TicketScope scope, Consumer<TicketFact> sink) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM analytics_ticket WHERE " + condition);
		Map<String, Object> all = new LinkedHashMap<>(params);
		scope.appendTo(sql, all);
		this.jdbc.sql(sql.toString()).params(all).query((ResultSet rs) -> {
			sink.accept(fact(rs));
		});
	}

	/** One page of rows, newest first, after the cursor (created_at, ticket_id). */
	List<TicketFact> page(String condition, Map<String, Object> params, TicketScope scope, long[] after, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM analytics_ticket WHERE " + condition);
		Map<String, Object> all = new LinkedHashMap<>(params);
		if (after != null) {
			sql.append(" AND (created_at < :afterAt OR (created_at = :afterAt AND ticket_id < :afterId))");
			all.put("afterAt", after[0]);
			all.put("afterId", after[1]);
		}
		scope.appendTo(sql, all);
		sql.append(" ORDER BY created_at DESC, ticket_id DESC");
		return this.jdbc.sql(sql.toString()).params(all).withMaxRows(limit).query((rs, row) -> fact(rs)).list();
	}

	long count(String condition, Map<String, Object> params, TicketScope scope) {
		StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM analytics_ticket WHERE " + condition);
		Map<String, Object> all = new LinkedHashMap<>(params);
		scope.appendTo(sql, all);
		return this.jdbc.sql(sql.toString()).params(all).query(Long.class).single();
	}

	private static Object[] values(TicketFact f, long now) {
		return new Object[] { f.number(), f.origin().name(), f.priority().rank(), f.groupId(), f.assigneeId(),
				f.status().name(), f.createdAt(), f.finishedAt(), f.firstResponseMs(), f.firstResponseBhMs(),
				f.resolutionMs(), f.resolutionBhMs(), f.slaFirst().name(), f.slaFirstDue(), f.slaResolution().name(),
				f.slaResolutionDue(), now, f.ticketId() };
	}

	private static TicketFact fact(ResultSet rs) throws SQLException {
		return new TicketFact(rs.getLong("ticket_id"), rs.getString("number"),
				TicketOrigin.valueOf(rs.getString("origin")),
				TicketPriority.ofRank(rs.getInt("priority")).orElse(TicketPriority.NORMAL), nullable(rs, "group_id"),
				nullable(rs, "assignee_id"), TicketStatus.valueOf(rs.getString("status")), rs.getLong("created_at"),
				nullable(rs, "finished_at"), nullable(rs, "first_response_ms"), nullable(rs, "first_response_bh_ms"),
				nullable(rs, "resolution_ms"), nullable(rs, "resolution_bh_ms"),
				SlaOutcome.valueOf(rs.getString("sla_first")), nullable(rs, "sla_first_due"),
				SlaOutcome.valueOf(rs.getString("sla_resolution")), nullable(rs, "sla_resolution_due"));
	}

	private static Long nullable(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
