package dev.parley.tickets.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every change of a ticket, with its actor and time (table ticket_history), written in
 * the transaction of the change. Values are as people read them (names, not ids).
 */
@Repository
public class TicketHistory {

	private final JdbcClient jdbc;

	TicketHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One entry. */
	public record Entry(long id, String actor, String action, String field, String oldValue, String newValue,
			String detail, Instant at) {
	}

	/**
	 * @param action what happened, e.g. {@code created}, {@code changed},
	 * {@code transferred}, {@code replied}, {@code sla.breached}
	 * @param field the field that changed, or null
	 */
	public void record(long ticketId, String actor, String action, String field, String oldValue, String newValue,
			String detail, Instant at) {
		this.jdbc
			.sql("INSERT INTO ticket_history (ticket_id, actor, action, field, old_value, new_value, detail, "
					+ "occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(ticketId, clip(actor, 100), action, field, clip(oldValue, 500), clip(newValue, 500),
					clip(detail, 500), at.toEpochMilli())
			.update();
	}

	/**
	 * @return the ticket's entries after {@code afterId}, oldest first
	 */
	public List<Entry> page(long ticketId, long afterId, int limit) {
		return this.jdbc
			.sql("SELECT id, actor, action, field, old_value, new_value, detail, occurred_at FROM ticket_history "
					+ "WHERE ticket_id = ? AND id > ? ORDER BY id LIMIT " + Math.max(1, Math.min(limit, 500)))
			.params(ticketId, afterId)
			.query((rs, row) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8))))
			.list();
	}

	/**
	 * @return the ticket's latest entries, newest first
	 */
	List<Entry> latest(long ticketId, int limit) {
		return this.jdbc
			.sql("SELECT id, actor, action, field, old_value, new_value, detail, occurred_at FROM ticket_history "
					+ "WHERE ticket_id = ? ORDER BY id DESC LIMIT " + Math.max(1, Math.min(limit, 100)))
			.param(ticketId)
			.query((rs, row) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8))))
			.list();
	}

	static String clip(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max - 1) + "…";
	}

}
