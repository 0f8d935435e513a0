package dev.parley.administration.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.parley.administration.AuditFigures;
import dev.parley.platform.LikePattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the audit log newest first, paged by id (keyset), never by offset, so a deep page
 * costs the same as the first.
 */
@Component
public class AuditQuery implements AuditFigures {

	private final JdbcClient jdbc;

	AuditQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param actor part of the actor's username, or null
	 * @param action exact action name, or null
	 * @param from earliest time (inclusive), or null
	 * @param to latest time (exclusive), or null
	 * @param before only entries with a smaller id (the previous page's cursor), or null
	 * @param limit page size
	 */
	public List<AuditEntry> find(String actor, String action, Instant from, Instant to, Long before, int limit) {
		StringBuilder sql = new StringBuilder(
				"SELECT id, occurred_at, actor, action, target, ip, result, detail FROM audit_event WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (actor != null && !actor.isBlank()) {
			sql.append(" AND LOWER(actor) LIKE ? ESCAPE '!'");
			params.add(LikePattern.contains(actor.strip().toLowerCase(Locale.ROOT)));
		}
		if (action != null && !action.isBlank()) {
			sql.append(" AND action = ?");
			params.add(action);
		}
		if (from != null) {
			sql.append(" AND occurred_at >= ?");
			params.add(from.toEpochMilli());
		}
		if (to != null) {
			sql.append(" AND occurred_at < ?");
			params.add(to.toEpochMilli());
		}
		if (before != null) {
			sql.append(" AND id < ?");
			params.add(before);
		}
		sql.append(" ORDER BY id DESC LIMIT ?");
		params.add(limit);
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> new AuditEntry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("occurred_at")),
					rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("ip"),
					rs.getString("result"), rs.getString("detail")))
			.list();
	}

	@Override
	public java.util.Map<String, Long> counts(java.util.Collection<String> actions, Instant from, Instant to) {
		java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
		for (String action : actions) {
			counts.put(action, this.jdbc
				.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND occurred_at >= ? AND occurred_at < ?")
				.params(action, from.toEpochMilli(), to.toEpochMilli())
				.query(Long.class)
				.single());
		}
		return counts;
	}

	/**
	 * @return the distinct action names present in the log, sorted
	 */
	public List<String> actions() {
		return this.jdbc.sql("SELECT DISTINCT action FROM audit_event ORDER BY action").query(String.class).list();
	}

	/** One audit entry as read back. */
	public record AuditEntry(long id, Instant occurredAt, String actor, String action, String target, String ip,
			String result, String detail) {
	}

}
