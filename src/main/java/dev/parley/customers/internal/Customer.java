package dev.parley.customers.internal;

import java.time.Instant;

/**
 * A customer record.
 *
 * @param conversationCount how many conversations he had (on every channel)
 * @param blockedAt when he was blocked; null when not blocked
 * @param blockedUntil when the block ends; null for a block until lifted
 * @param mergedInto the survivor this record was merged into; null for a live record
 * @param erasedAt when his personal data was erased on request; null otherwise
 * @param version raised by every change (optimistic locking of edits)
 */
public record Customer(long id, String name, String company, String language, String timeZone, Long levelId,
		Instant firstSeenAt, Instant lastSeenAt, Instant lastConversationAt, int conversationCount, Integer lastRating,
		Instant blockedAt, Instant blockedUntil, String blockReason, String blockedBy, Long mergedInto,
		Instant erasedAt, Instant createdAt, Instant updatedAt, int version) {

	/**
	 * @return whether a block applies at this moment
	 */
	public boolean blockedAt(Instant now) {
		return this.blockedAt != null && (this.blockedUntil == null || this.blockedUntil.isAfter(now));
	}

}
