package dev.parley.identity.internal;

import java.time.Instant;

/** A staff account as stored. */
public record StaffUser(long id, String username, String displayName, String email, String phone, long roleId,
		boolean enabled, String passwordHash, Instant passwordChangedAt, boolean passwordChangeRequired,
		int failedLogins, Instant lockedUntil, Instant lastLoginAt, Instant createdAt) {

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
