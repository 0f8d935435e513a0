package dev.parley.operations.internal.alerts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.parley.operations.AlertSeverity;
import dev.parley.operations.internal.monitoring.Metric;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The alerts, firing and resolved. */
@Repository
class AlertRepository {

	private static final String COLUMNS = "id, rule_id, metric, dim, node, severity, state, threshold, peak, "
			+ "started_at, fired_at, resolved_at, acknowledged_by, acknowledged_at";

	private final JdbcClient jdbc;

	AlertRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Alert> firing() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ops_alert WHERE state = ? ORDER BY fired_at DESC, id DESC")
			.param(AlertState.FIRING.name())
			.query(AlertRepository::map)
			.list();
	}

	Optional<Alert> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ops_alert WHERE id = ?")
			.param(id)
			.query(AlertRepository::map)
			.optional();
	}

	long fire(AlertRule rule, String node, String dim, BigDecimal value, Instant startedAt, Instant firedAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO ops_alert (rule_id, metric, dim, node, severity, state, threshold, peak, started_at, "
					+ "fired_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(rule.id(), rule.metric().key(), dim, node, rule.severity().name(), AlertState.FIRING.name(),
					rule.threshold(), value, startedAt.toEpochMilli(), firedAt.toEpochMilli())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void peak(long id, BigDecimal value) {
		this.jdbc.sql("UPDATE ops_alert SET peak = ? WHERE id = ?").params(value, id).update();
	}

	/**
	 * @return whether it was firing
	 */
	boolean resolve(long id, Instant at) {
		return this.jdbc.sql("UPDATE ops_alert SET state = ?, resolved_at = ? WHERE id = ? AND state = ?")
			.params(AlertState.RESOLVED.name(), at.toEpochMilli(), id, AlertState.FIRING.name())
			.update() == 1;
	}

	/**
	 * @return whether it was not acknowledged before
	 */
	boolean acknowledge(long id, long staffId, Instant at) {
		return this.jdbc.sql(
				"UPDATE ops_alert SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND acknowledged_by IS NULL")
			.params(staffId, at.toEpochMilli(), id)
			.update() == 1;
	}

	/**
	 * Alerts that fired in the range or were still firing in it, newest first.
	 * @param state only these, or null for both
	 */
	List<Alert> history(Instant from, Instant to, AlertState state, int offset, int limit) {
		List<Object> params = new ArrayList<>(List.of(to.toEpochMilli(), from.toEpochMilli()));
		String filter = "";
		if (state != null) {
			filter = " AND state = ?";
			params.add(state.name());
		}
		params.add(limit);
		params.add(offset);
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM ops_alert WHERE fired_at <= ? AND (resolved_at IS NULL OR resolved_at >= ?)" + filter
					+ " ORDER BY fired_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(params)
			.query(AlertRepository::map)
			.list();
	}

	private static Alert map(ResultSet rs, int row) throws SQLException {
		return new Alert(rs.getLong("id"), rs.getLong("rule_id"), Metric.of(rs.getString("metric")).orElse(null),
				rs.getString("dim"), rs.getString("node"), AlertSeverity.valueOf(rs.getString("severity")),
				AlertState.valueOf(rs.getString("state")), rs.getBigDecimal("threshold").stripTrailingZeros(),
				rs.getBigDecimal("peak").stripTrailingZeros(), instant(rs, "started_at"), instant(rs, "fired_at"),
				instant(rs, "resolved_at"), (Long) rs.getObject("acknowledged_by", Long.class),
				instant(rs, "acknowledged_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		long millis = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

}
