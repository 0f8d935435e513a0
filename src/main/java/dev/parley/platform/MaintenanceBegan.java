package dev.parley.platform;

/**
 * Raised on every node, to that node's listeners only (a plain Spring application event,
 * not a durable module event), when the node learns that maintenance began; listeners run
 * before the node confirms that it is quiet, so the realtime gateway closes its sockets
 * here.
 *
 * @param notice the maintenance
 */
public record MaintenanceBegan(Maintenance.Notice notice) {
}
