package dev.parley.platform;

/**
 * Told of every request a rate limit refused, on the node that refused it: the seam for
 * whatever watches refusals (the automatic blocking of sources that keep being refused).
 * <p>
 * Every bean of this type is called, in order, on the request's thread, right after the
 * refusal and before the {@code 429} is written: an implementation must be quick and must
 * not throw (an exception is logged and ignored); anything slow belongs on another
 * thread. The platform always registers one that counts refusals in the Micrometer
 * counter {@code parley.rate_limit.refused}, tagged {@code policy}, so a new
 * implementation adds to it rather than replacing it.
 */
@FunctionalInterface
public interface RefusedRequests {

	/**
	 * @param limit the limit whose budget was spent
	 * @param clientAddress the client's address ({@link ClientAddress#current()}), or
	 * null outside a request
	 */
	void refused(RateLimit limit, String clientAddress);

}
