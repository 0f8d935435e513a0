package dev.parley.operations.internal.alerts;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import dev.parley.operations.AlertSeverity;
import dev.parley.operations.internal.monitoring.Metric;

/**
 * A metric above (or below) a threshold for a duration.
 *
 * @param dim the one directory, interface or group the rule watches, or null for each
 * @param recipients the staff it tells; empty: every holder of system.monitor
 */
public record AlertRule(long id, Metric metric, String dim, Comparison comparison, BigDecimal threshold,
		int durationMinutes, AlertSeverity severity, boolean enabled, boolean opensFault, boolean notifyEmail,
		boolean notifySms, List<Long> recipients, int version) {

	/** The longest duration a rule may have: a day. */
	public static final int MAX_DURATION_MINUTES = 1440;

	/**
	 * How long the condition must be clear before a firing alert resolves: the rule's
	 * duration, at least 3 minutes, so that a value wavering around the threshold does
	 * not fire and resolve every minute.
	 */
	public int clearMinutes() {
		return Math.max(3, this.durationMinutes);
	}

	public Duration duration() {
		return Duration.ofMinutes(this.durationMinutes);
	}

}
