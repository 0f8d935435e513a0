package dev.parley.operations.internal.monitoring;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Times every HTTP answer by endpoint group (the part of the route after
 * {@code /api/v1/}: conversations, widget, tickets ...) and counts the 5xx ones, for the
 * status screen's p50/p95/p99 and error rate. Groups come from the matched route, never
 * from the raw path, so a scan of made-up addresses cannot make new meters. Each answer
 * is recorded under its group and under "all".
 */
class HttpTimings extends OncePerRequestFilter {

	static final String LATENCY = "parley.http.server.latency";

	static final String ERRORS = "parley.http.server.errors";

	static final String ALL = "all";

	private static final Pattern API = Pattern.compile("^/api/v1/([a-z][a-z0-9-]{0,31})(?:/.*)?$");

	private final MeterRegistry registry;

	private final Map<String, Meters> byGroup = new ConcurrentHashMap<>();

	HttpTimings(MeterRegistry registry) {
		this.registry = registry;
		meters(ALL);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			long nanos = System.nanoTime() - start;
			boolean error = response.getStatus() >= 500;
			record(meters(ALL), nanos, error);
			record(meters(group(request)), nanos, error);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return true;
	}

	private static void record(Meters meters, long nanos, boolean error) {
		meters.latency.record(nanos, TimeUnit.NANOSECONDS);
		if (error) {
			meters.errors.increment();
		}
	}

	/** The endpoint group of the route that answered. */
	static String group(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String path = (pattern instanceof String route) ? route : null;
		if (path != null) {
			Matcher api = API.matcher(path);
			if (api.matches()) {
				return api.group(1);
			}
			if (path.startsWith("/actuator")) {
				return "actuator";
			}
		}
		String uri = request.getRequestURI();
		if (uri.startsWith("/ws/")) {
			return "websocket";
		}
		if (uri.startsWith("/actuator")) {
			return "actuator";
		}
		return (path != null) ? "pages" : "other";
	}

	private Meters meters(String group) {
		return this.byGroup.computeIfAbsent(group,
				(name) -> new Meters(
						Timer.builder(LATENCY)
							.description("Time to answer an HTTP request, by endpoint group")
							.tag("group", name)
							.publishPercentiles(0.5, 0.95, 0.99)
							.publishPercentileHistogram()
							.minimumExpectedValue(Duration.ofMillis(1))
							.maximumExpectedValue(Duration.ofSeconds(30))
							.distributionStatisticExpiry(Duration.ofMinutes(1))
							.distributionStatisticBufferLength(2)
							.register(this.registry),
						Counter.builder(ERRORS)
							.description("HTTP answers with a 5xx status, by endpoint group")
							.tag("group", name)
							.register(this.registry)));
	}

	private record Meters(Timer latency, Counter errors) {
	}

}
