package dev.parley.identity.internal;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in whose password was right and that waits for its second factor, kept in the
 * browser's HTTP session (so on every node of a cluster) for {@link #LIFETIME}.
 *
 * @param username the account name as typed and normalised, the throttle's subject
 * @param deviceId the trusted device the password came from, or null
 * @param expiresAt epoch milliseconds
 */
public record PendingSignIn(long userId, String username, String deviceId, long expiresAt) implements Serializable {

	/** How long the second factor may take. */
	public static final Duration LIFETIME = Duration.ofMinutes(5);

	/** The HTTP session attribute that holds it. */
	public static final String ATTRIBUTE = PendingSignIn.class.getName();

	public boolean expiredAt(Instant now) {
		return now.toEpochMilli() >= this.expiresAt;
	}

}
