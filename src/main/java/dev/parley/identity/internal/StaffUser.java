package dev.parley.identity.internal;

import java.time.Instant;

/**
 * A staff account as stored.
 *
 * @param sessionVersion raised by every password change and reset; a session signed in
 * with an older one has ended
 */
public record StaffUser(long id, String username, String displayName, String email, String phone, long roleId,
		boolean enabled, String passwordHash, Instant passwordChangedAt, boolean passwordChangeRequired,
		int sessionVersion, Instant lastLoginAt, Instant createdAt) {

}
