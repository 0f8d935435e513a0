package dev.parley.operations;

import java.time.Instant;

/**
 * A firing alert's condition has been clear for a full evaluation period.
 *
 * @param alertId the alert in the history
 * @param ruleId its rule
 * @param resolvedAt when it resolved
 */
public record AlertResolved(long alertId, long ruleId, Instant resolvedAt) {
}
