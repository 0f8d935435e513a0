package dev.parley.platform;

import java.time.Duration;

/**
 * The request rate limits (docs/security.md, "Rate limits"): each a token bucket per key
 * (a client address, an account, a channel key or an API token) holding {@code capacity}
 * requests, refilled evenly over {@code period}. The defaults never hinder normal use: a
 * whole office signing in behind one address, a busy page whose visitors share one mobile
 * carrier's address. Each can be changed with
 * {@code parley.rate-limits.policies.<name>.capacity} and {@code .period}.
 */
public enum RateLimit {

	/** Staff sign-ins per client address (an office of 200 signs in at 9:00). */
	SIGN_IN("sign-in", 300, Duration.ofMinutes(10)),

	/** Sign-ins per account name as typed, whoever sends them. */
	SIGN_IN_ACCOUNT("sign-in-account", 30, Duration.ofMinutes(10)),

	/** Password reset requests and confirmations per client address. */
	PASSWORD_RESET("password-reset", 30, Duration.ofHours(1)),

	/** Password reset requests per e-mail address. */
	PASSWORD_RESET_ACCOUNT("password-reset-account", 5, Duration.ofHours(1)),

	/** Widget arrivals (page loads of the chat) per client address. */
	WIDGET_ARRIVAL("widget-arrival", 600, Duration.ofMinutes(10)),

	/** New visitors per channel key, from all addresses together. */
	VISITOR_CREATION("visitor-creation", 6000, Duration.ofMinutes(1)),

	/** Conversations started by visitors per client address. */
	CONVERSATION_START("conversation-start", 60, Duration.ofMinutes(10)),

	/** Messages left outside hours per client address. */
	LEFT_MESSAGE("left-message", 20, Duration.ofMinutes(10)),

	/** File uploads per client address (visitors, portal) or per staff account. */
	UPLOAD("upload", 120, Duration.ofMinutes(10)),

	/**
	 * Chat messages sent over REST per client address (visitors, portal) or per staff
	 * account.
	 */
	MESSAGE_SEND("message-send", 300, Duration.ofMinutes(1)),

	/** Requests per API token. */
	API_TOKEN("api-token", 1200, Duration.ofMinutes(1));

	private final String key;

	private final long defaultCapacity;

	private final Duration defaultPeriod;

	RateLimit(String key, long defaultCapacity, Duration defaultPeriod) {
		this.key = key;
		this.defaultCapacity = defaultCapacity;
		this.defaultPeriod = defaultPeriod;
	}

	/** The limit's name in configuration, problem bodies and metrics. */
	public String key() {
		return this.key;
	}

	public long defaultCapacity() {
		return this.defaultCapacity;
	}

	public Duration defaultPeriod() {
		return this.defaultPeriod;
	}

	/**
	 * @return the limit of that configuration name, or null
	 */
	public static RateLimit ofKey(String key) {
		for (RateLimit limit : values()) {
			if (limit.key.equals(key)) {
				return limit;
			}
		}
		return null;
	}

}
