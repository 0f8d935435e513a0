package dev.parley.platform.internal;

import java.io.IOException;
import java.util.Optional;

import dev.parley.platform.PortalAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The customers' portal has a security filter chain of its own, ahead of the console's:
 * for {@code /portal/**} and {@code /api/v1/portal/**} the security context is read from
 * and kept in the session under {@link PortalAuthentication#SESSION_KEY}, never under the
 * console's key. So a portal sign-in opens no staff endpoint (the console's chain does
 * not see it) and a staff sign-in opens no portal endpoint (this chain does not see it),
 * even in one browser. API tokens are not taken here. CSRF protection is the console's.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain portalSecurityFilterChain(HttpSecurity http, ObjectProvider<PortalAuthentication> portal,
			ProblemWriter problems, HttpsProperties https) throws Exception {
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey(PortalAuthentication.SESSION_KEY);
		RequestMatcher portalRequests = (request) -> {
			String path = request.getRequestURI();
			return path.equals("/portal") || path.startsWith("/portal/") || path.startsWith("/api/v1/portal/");
		};
		RequestMatcher notPage = (request) -> !request.getRequestURI().startsWith("/portal");
		http.securityMatcher(portalRequests)
			.securityContext((context) -> context.securityContextRepository(contexts))
			.csrf((csrf) -> csrf.spa())
			.headers((headers) -> headers
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(notPage,
						new StaticHeadersWriter("Content-Security-Policy", SecurityConfiguration.DEFAULT_CSP)))
				.frameOptions((frameOptions) -> frameOptions.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity(https::apply))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers("/api/v1/portal/account/**")
				.permitAll()
				.requestMatchers("/api/v1/portal/**")
				.hasAuthority(PortalAuthentication.AUTHORITY)
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
					problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Not for this account");
				}))
			.addFilterAfter(new SecurityConfiguration.CsrfCookieFilter(), CsrfFilter.class)
			.addFilterBefore(new PortalRefreshFilter(portal), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	/** Reloads the signed-in customer on every request; a stale sign-in ends. */
	static final class PortalRefreshFilter extends OncePerRequestFilter {

		/** Absent in module tests that start without the customers module. */
		private final ObjectProvider<PortalAuthentication> portal;

		PortalRefreshFilter(ObjectProvider<PortalAuthentication> portal) {
			this.portal = portal;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication current = SecurityContextHolder.getContext().getAuthentication();
			if (current instanceof AbstractAuthenticationToken && !(current instanceof AnonymousAuthenticationToken)) {
				PortalAuthentication accounts = this.portal.getIfAvailable();
				Optional<Authentication> fresh = (accounts != null) ? accounts.refresh(current) : Optional.empty();
				if (fresh.isPresent()) {
					SecurityContext refreshed = SecurityContextHolder.createEmptyContext();
					refreshed.setAuthentication(fresh.get());
					SecurityContextHolder.setContext(refreshed);
				}
				else {
					SecurityContextHolder.clearContext();
					HttpSession session = request.getSession(false);
					if (session != null) {
						// only the portal's sign-in ends; a console sign-in in the same
						// browser stays
						session.removeAttribute(PortalAuthentication.SESSION_KEY);
					}
				}
			}
			chain.doFilter(request, response);
		}

	}

}
