package dev.parley.platform.internal;

import java.io.IOException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.parley.platform.Correlation;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The correlation id of a request, outermost of all filters: the caller's
 * {@code X-Request-Id} when it is a plain token of at most 64 characters, else a new one;
 * in the MDC ({@value #MDC_KEY}, so on every line the request causes, in every module)
 * and in the response's {@code X-Request-Id}. Writes the request's line to the access log
 * when it is done: method, path (never the query, which may hold personal data), status
 * and duration. Costs a header, a random number and one asynchronous log line.
 */
class CorrelationFilter extends OncePerRequestFilter {

	/** The MDC key; Spring Boot's ECS format nests it as {@code correlation.id}. */
	static final String MDC_KEY = Correlation.MDC_KEY;

	static final String HEADER = "X-Request-Id";

	private static final Logger access = LoggerFactory.getLogger("parley.access");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		String id = Correlation.valid(given) ? given : Correlation.newId();
		long started = System.nanoTime();
		MDC.put(MDC_KEY, id);
		response.setHeader(HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (access.isInfoEnabled()) {
				long micros = (System.nanoTime() - started) / 1000;
				access.atInfo()
					.addKeyValue("http.request.method", request.getMethod())
					.addKeyValue("url.path", request.getRequestURI())
					.addKeyValue("http.response.status_code", response.getStatus())
					.addKeyValue("event.duration", micros * 1000)
					.log(request.getMethod() + " " + request.getRequestURI() + " " + response.getStatus() + " "
							+ (micros / 1000) + " ms");
			}
			MDC.remove(MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return true;
	}

}
