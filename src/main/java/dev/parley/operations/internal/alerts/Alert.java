package dev.parley.operations.internal.alerts;

import java.math.BigDecimal;
import java.time.Instant;

import dev.parley.operations.AlertSeverity;
import dev.parley.operations.internal.monitoring.Metric;

/**
 * One firing of a rule for one node (or the cluster: node "") and dimension.
 *
 * @param peak the worst value seen while it fired
 */
public record Alert(long id, long ruleId, Metric metric, String dim, String node, AlertSeverity severity,
		AlertState state, BigDecimal threshold, BigDecimal peak, Instant startedAt, Instant firedAt, Instant resolvedAt,
		Long acknowledgedBy, Instant acknowledgedAt) {
}
