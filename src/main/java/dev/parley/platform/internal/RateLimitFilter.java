package dev.parley.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.parley.platform.RateLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the rate limits of {@link RateLimitRules} and the per-token limit of API
 * tokens, after the security filters (so the signed-in account is known, and requests
 * refused there spend nothing) and before anything reads the request's body (so a refused
 * upload is not received). A refusal is {@code 429 rate_limited} with
 * {@code Retry-After}.
 */
final class RateLimitFilter extends OncePerRequestFilter {

	private final TokenBuckets limits;

	private final ProblemWriter problems;

	RateLimitFilter(TokenBuckets limits, ProblemWriter problems) {
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = bearerToken(request);
		if (token != null && refused(RateLimit.API_TOKEN, "token:" + digest(token), response)) {
			return;
		}
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (RateLimitRules.Rule rule : RateLimitRules.RULES) {
			if (rule.matches(request, path) && refused(rule.limit(), rule.subject().of(request), response)) {
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private boolean refused(RateLimit limit, String key, HttpServletResponse response) throws IOException {
		long seconds = this.limits.secondsToWait(limit, key);
		if (seconds == 0) {
			return false;
		}
		this.problems.write(response, TokenBuckets.refusal(limit, seconds));
		return true;
	}

	/** The API token of an integration's request, which the security filters accepted. */
	private static String bearerToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String token = header.substring(7).strip();
		return token.isEmpty() ? null : token;
	}

	/** A token's digest, so that no token is kept as it is (in memory or in Redis). */
	private static String digest(String token) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
