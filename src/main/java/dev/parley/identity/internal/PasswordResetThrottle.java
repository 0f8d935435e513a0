package dev.parley.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How many password resets may be asked for: counted per e-mail address (known or not, so
 * both are treated alike) and per client address, in the sign-in throttle's table so
 * every node counts the same (the e-mail address as its SHA-256 hash). A run of requests
 * is forgotten after {@link #MEMORY} without one. A request beyond the allowance is
 * answered like any other but sends nothing, so a mailbox cannot be flooded and an
 * address cannot probe many mailboxes.
 */
@Component
class PasswordResetThrottle {

	/** A run of requests is forgotten after this long without one. */
	static final Duration MEMORY = Duration.ofHours(1);

	private final SignInThrottleRepository subjects;

	private final IdentitySettings settings;

	PasswordResetThrottle(SignInThrottleRepository subjects, IdentitySettings settings) {
		this.subjects = subjects;
		this.settings = settings;
	}

	/**
	 * Counts one request for the e-mail address and the client address.
	 * @param client the client's address, or null if unknown
	 * @return whether the request is within both allowances
	 */
	boolean allow(String email, String client, Instant now) {
		Instant forgetBefore = now.minus(MEMORY);
		int forAddress = this.subjects
			.countFailure("reset-email:" + StaffAccounts.hash(email.toLowerCase(Locale.ROOT)), now, forgetBefore)
			.failures();
		boolean allowed = forAddress <= this.settings.resetsPerAddress();
		if (client != null) {
			int fromClient = this.subjects.countFailure("reset-client:" + client, now, forgetBefore).failures();
			allowed &= fromClient <= this.settings.resetsPerClient();
		}
		return allowed;
	}

}
