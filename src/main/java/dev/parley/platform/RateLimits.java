package dev.parley.platform;

/**
 * Spends one request of a rate limit's budget for a key, for the places where the key is
 * only known inside a handler (the account name in a sign-in's body, the channel of a new
 * visitor). Limits whose key the request itself shows (the client address, the signed-in
 * account, the API token) are applied by the platform before the handler runs, from one
 * table of request patterns; see docs/security.md.
 */
public interface RateLimits {

	/**
	 * Spends one request of {@code limit}'s budget for {@code key}.
	 * @param key what is counted (compared as given: normalise names first); null or
	 * blank is not counted
	 * @throws ApiException {@code 429 rate_limited} with {@code retryAfterSeconds} when
	 * the budget is spent; nothing has been counted then
	 */
	void check(RateLimit limit, String key);

}
