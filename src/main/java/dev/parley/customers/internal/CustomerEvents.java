package dev.parley.customers.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customer side of a customer's timeline (table customer_event): who changed what,
 * when. Written in the caller's transaction with the change it describes.
 */
@Repository
public class CustomerEvents {

	private final JdbcClient jdbc;

	CustomerEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param actor the staff member's display name; null for Parley itself
	 * @param detail a short line (never an e-mail address or phone number in clear)
	 */
	public void record(long customerId, CustomerEventKind kind, String actor, String detail, Instant at) {
		this.jdbc
			.sql("INSERT INTO customer_event (customer_id, kind, actor, detail, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(customerId, kind.name(), clip(actor, 100), clip(detail, 500), at.toEpochMilli())
			.update();
	}

	record Entry(long id, CustomerEventKind kind, String actor, String detail, Instant at) {
	}

	/**
	 * @return the customer's entries at or before the moment, newest first
	 */
	List<Entry> atOrBefore(long customerId, Instant at, int limit) {
		return this.jdbc
			.sql("SELECT id, kind, actor, detail, created_at FROM customer_event WHERE customer_id = ? "
					+ "AND created_at <= ? ORDER BY created_at DESC, id DESC LIMIT " + limit)
			.params(customerId, at.toEpochMilli())
			.query((rs, row) -> new Entry(rs.getLong(1), CustomerEventKind.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))))
			.list();
	}

	/**
	 * Moves the merged record's entries to the survivor (a merge keeps both histories).
	 */
	void move(long fromCustomerId, long toCustomerId) {
		this.jdbc.sql("UPDATE customer_event SET customer_id = ? WHERE customer_id = ?")
			.params(toCustomerId, fromCustomerId)
			.update();
	}

	private static String clip(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
