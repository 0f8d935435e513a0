package dev.parley.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * How the portal's security filter chain (for {@code /portal/**} and
 * {@code /api/v1/portal/**}) learns who a customer's request comes from, without knowing
 * how customer accounts are stored. Implemented by the customers module. A portal sign-in
 * lives in the HTTP session under {@link #SESSION_KEY}, apart from the console's, so that
 * neither kind of session opens the other's doors.
 */
public interface PortalAuthentication {

	/** The session attribute that holds the portal's security context. */
	String SESSION_KEY = "PARLEY_PORTAL_SECURITY_CONTEXT";

	/** The one authority a signed-in customer has. */
	String AUTHORITY = "portal.customer";

	/**
	 * Reloads a session's authentication, so that a password reset or a closed account
	 * ends the portal sessions on their next request.
	 * @return the fresh authentication, or empty if the account no longer may sign in
	 */
	Optional<Authentication> refresh(Authentication sessionAuthentication);

}
