package dev.parley.operations.internal.alerts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.parley.identity.StaffDirectory;
import dev.parley.operations.AlertSeverity;
import dev.parley.operations.internal.monitoring.Metric;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.parley.platform.ApiException.invalid;

/** The alert rules as technical support edits them, and the alerts as he sees them. */
@Service
public class Alerts {

	/** The longest history one request reads. */
	public static final Duration MAX_RANGE = Duration.ofDays(92);

	private final AlertRuleRepository rules;

	private final AlertRepository alerts;

	private final StaffDirectory staff;

	private final Clock clock;

	Alerts(AlertRuleRepository rules, AlertRepository alerts, StaffDirectory staff, Clock clock) {
		this.rules = rules;
		this.alerts = alerts;
		this.staff = staff;
		this.clock = clock;
	}

	public List<AlertRule> rules() {
		return this.rules.all();
	}

	public AlertRule rule(long id) {
		return this.rules.find(id).orElseThrow(() -> ApiException.notFound("Alert rule"));
	}

	/** A rule as edited: everything but the metric, which makes the rule what it is. */
	public record RuleChange(String dim, Comparison comparison, BigDecimal threshold, Integer durationMinutes,
			AlertSeverity severity, Boolean enabled, Boolean opensFault, Boolean notifyEmail, Boolean notifySms,
			List<Long> recipients, Integer version) {
	}

	@Transactional
	public AlertRule update(long id, RuleChange change) {
		AlertRule rule = rule(id);
		require(change.comparison(), "comparison");
		require(change.threshold(), "threshold");
		require(change.durationMinutes(), "durationMinutes");
		require(change.severity(), "severity");
		require(change.version(), "version");
		BigDecimal max = rule.metric().unit().max();
		if (change.threshold().signum() < 0 || change.threshold().compareTo(max) > 0) {
			throw invalid("threshold", "must be between 0 and " + max.toPlainString());
		}
		if (change.threshold().scale() > 4) {
			throw invalid("threshold", "has the wrong format");
		}
		if (change.durationMinutes() < 1 || change.durationMinutes() > AlertRule.MAX_DURATION_MINUTES) {
			throw invalid("durationMinutes", "must be between 1 and " + AlertRule.MAX_DURATION_MINUTES);
		}
		String dim = (change.dim() != null && !change.dim().isBlank()) ? change.dim().strip() : null;
		if (dim != null && (rule.metric().dimension() == null || !dim.matches("[A-Za-z0-9._:-]{1,64}"))) {
			throw invalid("dim", "has the wrong format");
		}
		List<Long> recipients = (change.recipients() != null) ? List.copyOf(Set.copyOf(change.recipients()))
				: List.of();
		if (recipients.size() > 50) {
			throw invalid("recipients", "must have 0-50 entries");
		}
		Set<Long> monitoring = this.staff.holdersOf(Permission.SYSTEM_MONITOR)
			.stream()
			.map(StaffDirectory.StaffContact::id)
			.collect(java.util.stream.Collectors.toSet());
		for (Long recipient : recipients) {
			if (recipient == null || !monitoring.contains(recipient)) {
				throw invalid("recipients", "must be a staff member who monitors the system");
			}
		}
		AlertRule changed = new AlertRule(rule.id(), rule.metric(), dim, change.comparison(),
				change.threshold().stripTrailingZeros(), change.durationMinutes(), change.severity(),
				bool(change.enabled()), bool(change.opensFault()), bool(change.notifyEmail()), bool(change.notifySms()),
				recipients, change.version());
		if (!this.rules.update(changed)) {
			throw ApiException.conflict("stale_version", "The rule was changed meanwhile");
		}
		return rule(id);
	}

	public List<Alert> firing() {
		return this.alerts.firing();
	}

	public Alert alert(long id) {
		return this.alerts.find(id).orElseThrow(() -> ApiException.notFound("Alert"));
	}

	/**
	 * @return the alert, acknowledged by the caller or by whoever did first
	 */
	@Transactional
	public Alert acknowledge(long id, long staffId) {
		alert(id);
		this.alerts.acknowledge(id, staffId, this.clock.instant());
		return alert(id);
	}

	/** Alerts that fired or were firing in the range, newest first. */
	public List<Alert> history(Instant from, Instant to, AlertState state, int offset, int limit) {
		if (from.isAfter(to)) {
			throw invalid("from", "must not be after to");
		}
		if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
			throw invalid("to", "must be at most 92 days after from");
		}
		return this.alerts.history(from, to, state, offset, limit);
	}

	private static void require(Object value, String field) {
		if (value == null) {
			throw invalid(field, "must not be null");
		}
	}

	private static boolean bool(Boolean value) {
		return Boolean.TRUE.equals(value);
	}

}
