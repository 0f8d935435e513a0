package dev.parley.operations.internal.faults;

import java.time.Instant;
import java.util.Set;

import dev.parley.operations.FaultSeverity;
import dev.parley.operations.FaultStatus;

/**
 * A fault record as stored: what was seen, its flow's status, the fix, how recovery was
 * verified and the summary (cause, impact, prevention) a resolution needs.
 *
 * @param reportedBy who reported it, or null when an alert opened it
 * @param alertId the alert that opened it, or null
 * @param version counts changes (the compare-and-set of concurrent edits)
 */
public record Fault(long id, String title, String observed, FaultClass faultClass, FaultSeverity severity,
		Set<FaultFunction> functions, FaultStatus status, Instant startedAt, Instant reportedAt, String reportedBy,
		Long alertId, String fix, String verification, String cause, String impact, String prevention,
		Instant resolvedAt, Instant reviewedAt, Instant updatedAt, int version) {

	/**
	 * A step of the flow, or a note on it ({@code from} and {@code to} null).
	 *
	 * @param actor who, or null for Parley itself
	 */
	public record Step(long id, FaultStatus from, FaultStatus to, String note, String actor, Instant at) {
	}

	/**
	 * What a source returned for a window of the fault.
	 *
	 * @param phase {@code OPENED} or {@code RESOLVED}
	 * @param payload the source's JSON object
	 */
	public record Evidence(long id, EvidenceKind kind, String phase, Instant from, Instant to, Instant capturedAt,
			String payload) {
	}

}
