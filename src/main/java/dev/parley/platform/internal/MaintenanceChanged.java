package dev.parley.platform.internal;

/**
 * What the node that begins or ends maintenance tells every node (itself included)
 * through the event bus: read the state again now.
 *
 * @param generation the maintenance's generation
 */
public record MaintenanceChanged(long generation) {
}
