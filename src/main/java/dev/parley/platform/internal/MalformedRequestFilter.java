package dev.parley.platform.internal;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.util.InvalidUrlException;

/**
 * The outermost answer to requests a client put together wrongly, for every endpoint: an
 * {@code Origin} header that is no origin is refused before anything parses it, and a
 * fault of the request that surfaces as an exception outside Spring MVC's exception
 * handling (a multipart body that cannot be parsed, a URL Spring cannot read, also at a
 * WebSocket handshake) is answered {@code 400 malformed_request} here, instead of
 * reaching the servlet container as an error with a stack trace in the log.
 */
class MalformedRequestFilter extends OncePerRequestFilter {

	/**
	 * An origin as RFC 6454 serialises it, or {@code null}; an empty host allows
	 * {@code file://}, which app web views send, and an underscore the internal host
	 * names browsers accept.
	 */
	private static final Pattern ORIGIN = Pattern
		.compile("null|[A-Za-z][A-Za-z0-9+.-]*://(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]*)(:[0-9]{1,5})?");

	private final ProblemWriter problems;

	MalformedRequestFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = request.getHeader("Origin");
		if (origin != null && !ORIGIN.matcher(origin).matches()) {
			this.problems.write(response, HttpStatus.BAD_REQUEST, "malformed_request",
					"The Origin header is not an origin");
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException ex) {
			if (!answered(ex, response)) {
				throw ex;
			}
		}
		catch (RuntimeException ex) {
			if (!answered(ex, response)) {
				throw ex;
			}
		}
	}

	/**
	 * @return whether the failure was the request's fault and has been answered
	 */
	private boolean answered(Exception failure, HttpServletResponse response) throws IOException {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MaxUploadSizeExceededException
					|| cause instanceof RequestSizeLimitFilter.BodyTooLarge) {
				this.problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
						"The request body is too large");
				return true;
			}
			if (cause instanceof MultipartException || cause instanceof InvalidUrlException) {
				this.problems.write(response, HttpStatus.BAD_REQUEST, "malformed_request", "The request is malformed");
				return true;
			}
		}
		return false;
	}

}
