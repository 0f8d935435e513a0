package dev.parley.platform;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;

/**
 * How the security filter chain learns who a staff request comes from, without knowing
 * how staff accounts are stored. Implemented by the identity module.
 */
public interface StaffAuthentication {

	/**
	 * Authenticates a request carrying {@code Authorization: Bearer <token>}.
	 * @return the authentication, or empty if the token is unknown, revoked or expired
	 */
	Optional<Authentication> authenticateToken(String token, HttpServletRequest request);

	/**
	 * Reloads a session's authentication so that a disabled account, a changed role or a
	 * revoked permission takes effect on the next request.
	 * @return the fresh authentication, or empty if the account no longer may sign in
	 */
	Optional<Authentication> refresh(Authentication sessionAuthentication);

	/**
	 * Like {@link #refresh(Authentication)}, for a request of the session being served:
	 * the session's use (time, address, current session id) may be recorded.
	 */
	default Optional<Authentication> refresh(Authentication sessionAuthentication, HttpServletRequest request) {
		return refresh(sessionAuthentication);
	}

}
