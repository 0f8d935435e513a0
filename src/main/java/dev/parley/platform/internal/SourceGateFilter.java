package dev.parley.platform.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import dev.parley.platform.ClientAddress;
import dev.parley.platform.SourceGate;
import dev.parley.platform.SourceSignal;
import dev.parley.platform.SourceSignals;
import dev.parley.platform.SourceVerdict;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request from a denied or blocked address with {@code 403 address_blocked},
 * and a staff request from outside the listed networks (when the console is restricted to
 * them) with {@code 403 network_restricted}, before the session, security or any other
 * work; counts the refusals (401, 403, 429) the rest of the chain answered, so that a
 * burst of them blocks the address. Visitors' WebSocket handshakes pass through here too.
 */
class SourceGateFilter extends OncePerRequestFilter {

	/**
	 * What visitors and customers reach from anywhere: the widget and its API, the
	 * portal, attachments, avatars, texts, the maintenance notice, unsubscribe links.
	 */
	private static final List<String> OPEN_TO_EVERYONE = List.of("/widget/", "/ws/visitor", "/portal",
			"/api/v1/widget/", "/api/v1/portal/", "/api/v1/attachments/", "/api/v1/avatars/", "/api/v1/i18n/",
			"/api/v1/maintenance", "/unsubscribe/", "/actuator/health", "/assets/", "/favicon");

	private final Supplier<SourceGate> gateSource;

	private final Supplier<SourceSignals> signalsSource;

	private final ProblemWriter problems;

	private volatile SourceGate gate;

	private volatile SourceSignals signals;

	/**
	 * The gate and the signals are looked up at the first request, not when the servlet
	 * container starts (before most beans exist).
	 */
	SourceGateFilter(Supplier<SourceGate> gate, Supplier<SourceSignals> signals, ProblemWriter problems) {
		this.gateSource = gate;
		this.signalsSource = signals;
		this.problems = problems;
	}

	private SourceGate gate() {
		if (this.gate == null) {
			this.gate = this.gateSource.get();
		}
		return this.gate;
	}

	private SourceSignals signals() {
		if (this.signals == null) {
			this.signals = this.signalsSource.get();
		}
		return this.signals;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = ClientAddress.current();
		if (address == null) {
			address = request.getRemoteAddr();
		}
		SourceVerdict verdict = gate().verdict(address, staffArea(request.getRequestURI()));
		if (verdict == SourceVerdict.BLOCKED) {
			this.problems.write(response, HttpStatus.FORBIDDEN, "address_blocked",
					"Requests from this address are blocked");
			return;
		}
		if (verdict == SourceVerdict.OUTSIDE_NETWORKS) {
			this.problems.write(response, HttpStatus.FORBIDDEN, "network_restricted",
					"The console is open to the organisation's networks only");
			return;
		}
		chain.doFilter(request, response);
		int status = response.getStatus();
		if (verdict == SourceVerdict.PASS && (status == 401 || status == 403 || status == 429)) {
			signals().observed(SourceSignal.REFUSED_REQUEST, address);
		}
	}

	/**
	 * @return whether the path belongs to the console or the staff API, which can be
	 * restricted to listed networks
	 */
	static boolean staffArea(String path) {
		if (path == null) {
			return false;
		}
		for (String open : OPEN_TO_EVERYONE) {
			if (path.startsWith(open)) {
				return false;
			}
		}
		return path.equals("/setup") || path.equals("/console") || path.startsWith("/console/")
				|| path.startsWith("/api/") || path.equals("/ws/staff") || path.startsWith("/actuator/");
	}

}
