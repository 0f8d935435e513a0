package dev.parley.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Why an account must choose a new password before anything else, so that the console can
 * say so: a first sign-in with the password an administrator gave, a password past its
 * maximum age, or one an administrator reset.
 */
public enum PasswordChangeReason {

	FIRST_SIGN_IN, EXPIRED, RESET;

	/**
	 * @return the reason, or null when the account need not change its password
	 */
	public static PasswordChangeReason of(StaffUser user, PasswordPolicy policy, Instant now) {
		if (!user.passwordChangeRequired()) {
			return null;
		}
		if (policy.maxAgeDays() > 0
				&& user.passwordChangedAt().plus(Duration.ofDays(policy.maxAgeDays())).isBefore(now)) {
			return EXPIRED;
		}
		// the password given when the account was created has never been changed since
		return user.passwordChangedAt().equals(user.createdAt()) ? FIRST_SIGN_IN : RESET;
	}

	/**
	 * @return the name the API uses, e.g. {@code first_sign_in}
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
