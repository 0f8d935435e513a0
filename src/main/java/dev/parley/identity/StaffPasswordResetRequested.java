package dev.parley.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A staff member asked, from the sign-in page, for a link to choose a new password.
 * Published inside the transaction that stores the reset request, only for an enabled
 * account with that e-mail address (an unknown, disabled or throttled address publishes
 * nothing). The notifications module e-mails the link. See docs/events.md.
 *
 * @param userId the account
 * @param email the address the link goes to
 * @param displayName the name to greet
 * @param language the staff member's own language, or null for the organisation's
 * @param token the raw token for the link: only its hash is stored, so this event is the
 * one place it exists; worthless after {@code expiresAt}, once used, or once a newer one
 * was asked for
 * @param expiresAt when the link stops working
 */
public record StaffPasswordResetRequested(long userId, String email, String displayName, String language, String token,
		Instant expiresAt) {

	public StaffPasswordResetRequested {
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	/** Never the token in logs. */
	@Override
	public String toString() {
		return "StaffPasswordResetRequested[userId=" + this.userId + ", expiresAt=" + this.expiresAt + "]";
	}

}
