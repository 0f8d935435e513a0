package dev.parley.identity;

import java.io.Serializable;
import java.security.Principal;

import dev.parley.platform.PasswordChangeRequired;
import dev.parley.platform.StaffIdentity;
import dev.parley.platform.TwoFactorEnrolmentRequired;

/**
 * The signed-in staff user as the rest of the application sees it: who acts, not what
 * they may do (that is in the authentication's authorities).
 *
 * @param sessionVersion the account's session version when this session signed in (or
 * last changed its own password); a session whose version the account has moved past has
 * ended
 * @param twoFactorEnrolmentRequired the role requires a second factor and the user has
 * none yet: nothing but the enrolment is open
 */
public record StaffPrincipal(long id, String username, String displayName, boolean passwordChangeRequired,
		int sessionVersion, boolean twoFactorEnrolmentRequired)
		implements
			Principal,
			PasswordChangeRequired,
			TwoFactorEnrolmentRequired,
			StaffIdentity,
			Serializable {

	public StaffPrincipal(long id, String username, String displayName, boolean passwordChangeRequired,
			int sessionVersion) {
		this(id, username, displayName, passwordChangeRequired, sessionVersion, false);
	}

	@Override
	public String getName() {
		return this.username;
	}

}
