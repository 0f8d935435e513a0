package dev.parley.platform;

/**
 * Raised on every node, to that node's listeners only, when the node learns that
 * maintenance ended.
 *
 * @param reason why it had been entered
 */
public record MaintenanceEnded(MaintenanceReason reason) {
}
