package dev.parley.security;

import java.time.Instant;

/**
 * A client address was blocked: every request from it is refused until {@code until}.
 *
 * @param blockId the block
 * @param address the client address
 * @param reason the burst that caused it, or {@link BlockReason#MANUAL}
 * @param signals how many signals of the burst's kind the window held (0 for a manual
 * block)
 * @param at when it was blocked
 * @param until when the block ends by itself
 * @param actor the administrator who blocked it, or null when Parley did
 */
public record SourceBlocked(long blockId, String address, BlockReason reason, int signals, Instant at, Instant until,
		String actor) {
}
