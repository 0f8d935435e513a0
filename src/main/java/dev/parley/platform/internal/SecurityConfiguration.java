package dev.parley.platform.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import dev.parley.platform.AccessRefused;
import dev.parley.platform.PasswordChangeRequired;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffAuthentication;
import dev.parley.platform.TwoFactorEnrolmentRequired;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one security filter chain. Staff sign in with a session cookie (CSRF-protected,
 * token in the {@code XSRF-TOKEN} cookie echoed as {@code X-XSRF-TOKEN}); integrations
 * send an API token as a bearer token and need no CSRF token. Every session request
 * reloads the account, so disabling a user or revoking a permission takes effect on the
 * next request. Permissions are checked on the server, by URL here and by method in the
 * controllers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** Calls a user may make while their password must be changed first. */
	private static final Set<String> ALLOWED_WITH_EXPIRED_PASSWORD = Set.of("GET /api/v1/session",
			"DELETE /api/v1/session", "POST /api/v1/session/password", "GET /api/v1/permissions");

	/**
	 * Where a user may go while their role requires a second factor they have not
	 * enrolled yet: the enrolment, besides what a password change allows.
	 */
	private static final String TWO_FACTOR_ENROLMENT = "/api/v1/me/two-factor";

	static final String DEFAULT_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, StaffAuthentication staff, ProblemWriter problems,
			ApplicationEventPublisher events, HttpsProperties https) throws Exception {
		RequestMatcher hasAuthorizationHeader = (request) -> request.getHeader("Authorization") != null;
		RequestMatcher pages = (request) -> {
			String path = request.getRequestURI();
			return path.equals("/setup") || path.equals("/console") || path.startsWith("/console/")
					|| path.startsWith("/widget/");
		};
		RequestMatcher chatFrame = (request) -> request.getRequestURI().equals("/widget/frame");
		// Visitor calls authenticate only by a token in a header that a browser never
		// adds
		// on its own (a cross-site page cannot set it without a CORS preflight, which
		// Parley does not grant), and they never use the staff session: there is nothing
		// for a forged request to ride on. The widget frame is same-origin with Parley,
		// so
		// its requests do carry Parley's cookies; they must pass all the same.
		RequestMatcher visitorCall = (request) -> request.getRequestURI().startsWith("/api/v1/widget/");
		// The unsubscribe link of an e-mail is confirmed by a POST from a page without a
		// session, or by a mail program's one-click POST: the signed token in its address
		// is all that authorises it.
		RequestMatcher unsubscribe = (request) -> request.getRequestURI().startsWith("/unsubscribe/");
		http.csrf((csrf) -> csrf.spa().ignoringRequestMatchers(hasAuthorizationHeader, visitorCall, unsubscribe))
			.headers((headers) -> headers
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(pages),
						new StaticHeadersWriter("Content-Security-Policy", DEFAULT_CSP)))
				// the chat frame is meant to be framed by customers' sites; its CSP
				// frame-ancestors says by which
				.frameOptions((frameOptions) -> frameOptions.disable())
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(chatFrame),
						new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
				// stricter than the browsers' default: a link in a chat message must not
				// tell the linked site even the address of the console or of the chat
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity(https::apply))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasAuthority(Permission.SYSTEM_MONITOR.code())
				.requestMatchers(HttpMethod.GET, "/api/v1/session")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/session", "/api/v1/session/second-factor",
						"/api/v1/session/second-factor/passkey", "/api/v1/session/second-factor/passkey/options")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/password-resets", "/api/v1/password-resets/confirm")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/password-resets/policy")
				.permitAll()
				.requestMatchers("/api/v1/setup", "/api/v1/i18n/**", "/api/v1/widget/**", "/api/v1/attachments/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/avatars/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/maintenance")
				.permitAll()
				.requestMatchers("/ws/staff")
				.authenticated()
				.requestMatchers("/api/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problems.write(response, HttpStatus.UNAUTHORIZED,
						"unauthenticated", "Sign in first"))
				.accessDeniedHandler((request, response, ex) -> {
					if (ex instanceof CsrfException) {
						problems.write(response, HttpStatus.FORBIDDEN, "csrf_refused",
								"The CSRF token is missing or wrong; reload the page");
						return;
					}
					events.publishEvent(new AccessRefused(
							(request.getUserPrincipal() != null) ? request.getUserPrincipal().getName() : null,
							request.getMethod(), request.getRequestURI()));
					problems.write(response, HttpStatus.FORBIDDEN, "forbidden",
							"You do not have the permission for this");
				}))
			.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
			.addFilterBefore(new StaffAuthenticationFilter(staff, problems), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeGate(problems), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * Parley has no user store for Spring's own login forms; this keeps Boot from making
	 * one.
	 */
	@Bean
	UserDetailsService noUserDetails() {
		return (username) -> {
			throw new UsernameNotFoundException(username);
		};
	}

	/** Makes sure the {@code XSRF-TOKEN} cookie is written on every response. */
	static final class CsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (token != null) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

	/** Bearer tokens for integrations, and the per-request reload of session accounts. */
	static final class StaffAuthenticationFilter extends OncePerRequestFilter {

		private final StaffAuthentication staff;

		private final ProblemWriter problems;

		StaffAuthenticationFilter(StaffAuthentication staff, ProblemWriter problems) {
			this.staff = staff;
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null) {
				Optional<Authentication> token = header.regionMatches(true, 0, "Bearer ", 0, 7)
						? this.staff.authenticateToken(header.substring(7).strip(), request) : Optional.empty();
				if (token.isEmpty()) {
					this.problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
							"The API token is unknown, revoked or expired");
					return;
				}
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(token.get());
				SecurityContextHolder.setContext(context);
				chain.doFilter(request, response);
				return;
			}
			SecurityContext context = SecurityContextHolder.getContext();
			Authentication current = context.getAuthentication();
			if (current instanceof AbstractAuthenticationToken && !(current instanceof AnonymousAuthenticationToken)) {
				Optional<Authentication> fresh = this.staff.refresh(current, request);
				if (fresh.isPresent()) {
					// a new context, so the one kept in the session is never changed in
					// place
					SecurityContext refreshed = SecurityContextHolder.createEmptyContext();
					refreshed.setAuthentication(fresh.get());
					SecurityContextHolder.setContext(refreshed);
				}
				else {
					SecurityContextHolder.clearContext();
					HttpSession session = request.getSession(false);
					if (session != null) {
						session.invalidate();
					}
				}
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * Refuses everything but the password change while a password must be changed, and
	 * then everything but the enrolment while a second factor the role requires is
	 * missing.
	 */
	static final class PasswordChangeGate extends OncePerRequestFilter {

		private final ProblemWriter problems;

		PasswordChangeGate(ProblemWriter problems) {
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof PasswordChangeRequired principal
					&& principal.passwordChangeRequired() && request.getRequestURI().startsWith("/api/")
					&& !ALLOWED_WITH_EXPIRED_PASSWORD.contains(request.getMethod() + " " + request.getRequestURI())
					&& !request.getRequestURI().startsWith("/api/v1/i18n/")) {
				this.problems.write(response, HttpStatus.FORBIDDEN, "password_change_required",
						"Change your password first");
				return;
			}
			String uri = request.getRequestURI();
			if (authentication != null && authentication.getPrincipal() instanceof TwoFactorEnrolmentRequired principal
					&& principal.twoFactorEnrolmentRequired() && (uri.startsWith("/api/") || uri.startsWith("/ws/"))
					&& !ALLOWED_WITH_EXPIRED_PASSWORD.contains(request.getMethod() + " " + uri)
					&& !uri.equals(TWO_FACTOR_ENROLMENT) && !uri.startsWith(TWO_FACTOR_ENROLMENT + "/")
					&& !uri.startsWith("/api/v1/i18n/")) {
				this.problems.write(response, HttpStatus.FORBIDDEN, "two_factor_enrolment_required",
						"Your role requires two-factor sign-in: set it up first");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
