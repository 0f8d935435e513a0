package dev.parley.operations.internal.faults;

/**
 * What a source of evidence captures for a fault's time window, each a JSON payload the
 * console draws (docs/operations.md, "Fault records"):
 * <ul>
 * <li>{@code METRICS}: {@code {"series":[{"metric","node","unit","points":[[epochMillis,
 * value], ...]}]}}</li>
 * <li>{@code LOG_LINES}:
 * {@code {"lines":[{"at","level","type","node","logger","message","correlationId"}]}}</li>
 * <li>{@code ALERTS}:
 * {@code {"alerts":[{"id","metric","node","severity","value","threshold","firedAt","resolvedAt"}]}}</li>
 * </ul>
 */
public enum EvidenceKind {

	METRICS, LOG_LINES, ALERTS

}
