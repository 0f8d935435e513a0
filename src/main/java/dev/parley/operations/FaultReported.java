package dev.parley.operations;

import java.time.Instant;

/**
 * A fault record was opened, by a person or by an alert. Published in the transaction
 * that stores it.
 *
 * @param faultId the fault
 * @param title its title
 * @param severity how badly it hurts
 * @param startedAt when it began
 * @param reportedBy the username of who reported it, or null when an alert opened it
 * @param alertId the alert that opened it, or null
 */
public record FaultReported(long faultId, String title, FaultSeverity severity, Instant startedAt, String reportedBy,
		Long alertId) {
}
