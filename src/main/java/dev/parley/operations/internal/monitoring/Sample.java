package dev.parley.operations.internal.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One metric's value for one minute.
 *
 * @param dim its dimension ("data", "eth0", "conversations", a group id), "" when none
 */
public record Sample(Metric metric, String dim, BigDecimal value) {

	static Sample of(Metric metric, String dim, double value) {
		return new Sample(metric, (dim != null) ? dim : "",
				BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP));
	}

	static Sample of(Metric metric, double value) {
		return of(metric, "", value);
	}

}
