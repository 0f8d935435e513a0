package dev.parley.customers.web.portal;

import dev.parley.platform.PortalAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Keeps a portal sign-in in the HTTP session under the portal's own key, so that it is
 * never a console sign-in (and a console sign-in in the same browser stays untouched).
 */
final class PortalSessionStore {

	private static final HttpSessionSecurityContextRepository CONTEXTS = contexts();

	private PortalSessionStore() {
	}

	private static HttpSessionSecurityContextRepository contexts() {
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey(PortalAuthentication.SESSION_KEY);
		return contexts;
	}

	/** Stores a sign-in under a new session id, so a planted id is worthless. */
	static void store(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		CONTEXTS.saveContext(context, request, response);
	}

	static void end(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(PortalAuthentication.SESSION_KEY);
		}
		SecurityContextHolder.clearContext();
	}

}
