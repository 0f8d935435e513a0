package dev.parley.operations.internal.alerts;

/**
 * An alert's life: it fires once its rule's condition has held for the rule's whole
 * duration (before that the condition is only pending, and nothing is stored), and
 * resolves once the condition has been clear for a full clearing period.
 */
public enum AlertState {

	FIRING, RESOLVED

}
