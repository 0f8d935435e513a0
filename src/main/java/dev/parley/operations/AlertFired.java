package dev.parley.operations;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An alert rule's condition held for its whole duration: the alert fires once and stays
 * firing until the condition has been clear for a full evaluation period.
 *
 * @param alertId the alert in the history
 * @param ruleId the rule that fired
 * @param metric the metric the rule watches (docs/monitoring/README.md)
 * @param node the node it fired for, or null when the rule is about the whole cluster
 * @param severity how urgent
 * @param value the value that broke the threshold
 * @param threshold the rule's threshold
 * @param startedAt when the condition began to hold (the start of the fault's window)
 * @param firedAt when the alert fired
 * @param opensFault whether the rule opens a fault record when it fires
 */
public record AlertFired(long alertId, long ruleId, String metric, String node, AlertSeverity severity,
		BigDecimal value, BigDecimal threshold, Instant startedAt, Instant firedAt, boolean opensFault) {
}
