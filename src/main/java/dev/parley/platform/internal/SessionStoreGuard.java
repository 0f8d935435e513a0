package dev.parley.platform.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.RedisException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps an outage of the session store (Redis, in a cluster) from stalling the node.
 * <ul>
 * <li>Visitor requests (the widget's API, page and socket) never touch the staff session:
 * the session cookie is hidden from them and they cannot create one, so they work while
 * the store is away.</li>
 * <li>A request that needs the session and fails for the store's sake is answered
 * {@code 503 unavailable} instead of an internal error.</li>
 * <li>After such failures a circuit breaker opens: requests that need the session are
 * answered {@code 503} at once, without waiting for the store's timeout and without
 * holding a request thread, until a trial request finds the store back.</li>
 * </ul>
 * It stands before Spring Session's filter, so it also sees a failure to save the session
 * after the request.
 */
class SessionStoreGuard extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(SessionStoreGuard.class);

	private final String sessionCookie;

	private final ProblemWriter problems;

	private final CircuitBreaker breaker;

	SessionStoreGuard(String sessionCookie, ProblemWriter problems, Duration openFor) {
		this.sessionCookie = sessionCookie;
		this.problems = problems;
		this.breaker = CircuitBreaker.of("session-store",
				CircuitBreakerConfig.custom()
					.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
					.slidingWindowSize(4)
					.minimumNumberOfCalls(2)
					.failureRateThreshold(50)
					.waitDurationInOpenState(openFor)
					.permittedNumberOfCallsInHalfOpenState(1)
					.recordException(SessionStoreGuard::isStoreFailure)
					.build());
		this.breaker.getEventPublisher().onStateTransition((event) -> {
			switch (event.getStateTransition().getToState()) {
				case OPEN -> logger.warn("Session store (Redis) unreachable: console calls are answered 503 "
						+ "unavailable for {} s, then one is tried", openFor.toSeconds());
				case CLOSED -> logger.info("Session store (Redis) reachable again: console calls served");
				default -> logger.debug("Session store circuit: {}", event.getStateTransition());
			}
		});
	}

	/**
	 * Error pages too: an error dispatch passes Spring Session's filter again, and a
	 * visitor's error page must not read the session either.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isVisitorRequest(request)) {
			chain.doFilter(new WithoutSession(request, this.sessionCookie), response);
			return;
		}
		if (!needsSession(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (!this.breaker.tryAcquirePermission()) {
			unavailable(response);
			return;
		}
		long started = System.nanoTime();
		try {
			chain.doFilter(request, response);
			this.breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!isStoreFailure(ex)) {
				this.breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
				throw ex;
			}
			this.breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, ex);
			logger.debug("Session store failed on {} {}", request.getMethod(), request.getRequestURI(), ex);
			unavailable(response);
		}
	}

	private void unavailable(HttpServletResponse response) throws IOException {
		this.problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
				"The session store is not reachable; try again in a moment");
	}

	/** The widget's calls, page and socket: they identify visitors by token only. */
	static boolean isVisitorRequest(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/api/v1/widget/") || path.equals("/ws/visitor") || path.startsWith("/widget/")
				|| path.equals("/widget.js");
	}

	/**
	 * A request that reads the session (it sends the cookie) or creates one (sign-in).
	 */
	private boolean needsSession(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null && Arrays.stream(cookies).anyMatch((c) -> c.getName().equals(this.sessionCookie))) {
			return true;
		}
		return request.getMethod().equals("POST") && request.getRequestURI().equals("/api/v1/session");
	}

	/** Whether the store (Redis) failed: refused, lost, timed out. */
	static boolean isStoreFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RedisConnectionFailureException || cause instanceof RedisSystemException
					|| cause instanceof RedisException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** A visitor request: no session cookie, no session. */
	static final class WithoutSession extends HttpServletRequestWrapper {

		private final String sessionCookie;

		WithoutSession(HttpServletRequest request, String sessionCookie) {
			super(request);
			this.sessionCookie = sessionCookie;
		}

		@Override
		public Cookie[] getCookies() {
			Cookie[] cookies = super.getCookies();
			if (cookies == null) {
				return null;
			}
			Cookie[] others = Arrays.stream(cookies)
				.filter((c) -> !c.getName().equals(this.sessionCookie))
				.toArray(Cookie[]::new);
			return (others.length == 0) ? null : others;
		}

		@Override
		public String getRequestedSessionId() {
			return null;
		}

		@Override
		public boolean isRequestedSessionIdValid() {
			return false;
		}

		@Override
		public HttpSession getSession(boolean create) {
			if (create) {
				throw new IllegalStateException("Visitor requests have no session");
			}
			return null;
		}

		@Override
		public HttpSession getSession() {
			return getSession(true);
		}

	}

}
