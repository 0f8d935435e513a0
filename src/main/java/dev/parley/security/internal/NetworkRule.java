package dev.parley.security.internal;

import java.time.Instant;

/**
 * An entry of the allow-list or the deny-list.
 *
 * @param range an address or a CIDR range
 * @param expiresAt when the entry stops applying, or null for never
 */
public record NetworkRule(long id, NetworkList list, String range, String note, String createdBy, Instant createdAt,
		Instant expiresAt) {

	public boolean inForceAt(Instant now) {
		return this.expiresAt == null || this.expiresAt.isAfter(now);
	}

}
