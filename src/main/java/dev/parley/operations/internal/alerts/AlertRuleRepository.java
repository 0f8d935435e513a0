package dev.parley.operations.internal.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parley.operations.AlertSeverity;
import dev.parley.operations.internal.monitoring.Metric;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alert rules and whom each tells. */
@Repository
class AlertRuleRepository {

	private static final String COLUMNS = "id, metric, dim, comparison, threshold, duration_minutes, severity, enabled, "
			+ "opens_fault, notify_email, notify_sms, version";

	private final JdbcClient jdbc;

	AlertRuleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every rule whose metric this version knows, by metric and id. */
	List<AlertRule> all() {
		Map<Long, List<Long>> recipients = new HashMap<>();
		this.jdbc.sql("SELECT rule_id, staff_id FROM ops_alert_recipient ORDER BY staff_id").query((rs) -> {
			recipients.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(rs.getLong(2));
		});
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ops_alert_rule ORDER BY metric, id")
			.query((rs, row) -> map(rs, recipients))
			.list()
			.stream()
			.flatMap(Optional::stream)
			.toList();
	}

	Optional<AlertRule> find(long id) {
		return all().stream().filter((rule) -> rule.id() == id).findFirst();
	}

	/**
	 * Saves a rule if nobody changed it since it was read.
	 * @return whether it was saved
	 */
	boolean update(AlertRule rule) {
		int updated = this.jdbc.sql("""
				UPDATE ops_alert_rule SET dim = ?, comparison = ?, threshold = ?, duration_minutes = ?, severity = ?,
				enabled = ?, opens_fault = ?, notify_email = ?, notify_sms = ?, version = version + 1
				WHERE id = ? AND version = ?
				""")
			.params(rule.dim(), rule.comparison().name(), rule.threshold(), rule.durationMinutes(),
					rule.severity().name(), rule.enabled(), rule.opensFault(), rule.notifyEmail(), rule.notifySms(),
					rule.id(), rule.version())
			.update();
		if (updated == 0) {
			return false;
		}
		this.jdbc.sql("DELETE FROM ops_alert_recipient WHERE rule_id = ?").param(rule.id()).update();
		for (Long staff : rule.recipients()) {
			this.jdbc.sql("INSERT INTO ops_alert_recipient (rule_id, staff_id) VALUES (?, ?)")
				.params(rule.id(), staff)
				.update();
		}
		return true;
	}

	private static Optional<AlertRule> map(ResultSet rs, Map<Long, List<Long>> recipients) throws SQLException {
		long id = rs.getLong("id");
		Optional<Metric> metric = Metric.of(rs.getString("metric"));
		if (metric.isEmpty()) {
			return Optional.empty();
		}
		return Optional
			.of(new AlertRule(id, metric.get(), rs.getString("dim"), Comparison.valueOf(rs.getString("comparison")),
					rs.getBigDecimal("threshold").stripTrailingZeros(), rs.getInt("duration_minutes"),
					AlertSeverity.valueOf(rs.getString("severity")), rs.getBoolean("enabled"),
					rs.getBoolean("opens_fault"), rs.getBoolean("notify_email"), rs.getBoolean("notify_sms"),
					List.copyOf(recipients.getOrDefault(id, List.of())), rs.getInt("version")));
	}

}
