package dev.parley.operations;

import java.time.Instant;

/**
 * A fault record moved in its flow ({@link FaultStatus}). Published in the transaction
 * that stores the move.
 *
 * @param faultId the fault
 * @param from the status before
 * @param to the status after
 * @param actor the username of who moved it
 * @param at when
 */
public record FaultStatusChanged(long faultId, FaultStatus from, FaultStatus to, String actor, Instant at) {
}
