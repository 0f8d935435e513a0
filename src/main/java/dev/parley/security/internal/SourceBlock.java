package dev.parley.security.internal;

import java.time.Instant;

import dev.parley.security.BlockReason;

/**
 * A block of one client address, current or past.
 *
 * @param signals how many signals of the burst's kind the window held (0: manual)
 */
public record SourceBlock(long id, String address, BlockReason reason, int signals, String note, String blockedBy,
		Instant blockedAt, Instant until, Instant liftedAt, String liftedBy) {

	public boolean currentAt(Instant now) {
		return this.liftedAt == null && this.until.isAfter(now);
	}

}
