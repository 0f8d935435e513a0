package dev.parley.operations;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a check may want to know about the request that runs the self-check: the checks
 * run for an administrator's browser, and some compare the server with what that browser
 * sees.
 *
 * @param browserTime the browser's clock when it sent the request, if it said
 * @param receivedAt the node's clock when the request arrived
 * @param origin the address the browser used, as Parley understands it (scheme, host and
 * port, after any forwarded headers it trusts), e.g. {@code https://support.example.com}
 * @param clientAddress the client's address as Parley sees it (the proxy's when it does
 * not trust forwarded headers)
 * @param forwardedHeaders the proxy headers ({@code Forwarded}, {@code X-Forwarded-*},
 * {@code X-Real-IP}) still on the request when it reached Parley's code, by lower-case
 * name; a header the server has applied may be gone (Tomcat removes an
 * {@code X-Forwarded-For} it took the client's address from)
 */
public record SelfCheckContext(Optional<Instant> browserTime, Instant receivedAt, String origin, String clientAddress,
		Map<String, String> forwardedHeaders) {

	public SelfCheckContext {
		forwardedHeaders = Map.copyOf(forwardedHeaders);
	}

}
