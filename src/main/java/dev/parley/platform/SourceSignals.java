package dev.parley.platform;

/**
 * Where modules report what a client address did, so that a burst of it blocks the
 * address for a while (the security module counts them across the nodes). Reporting is
 * cheap for an address on the allow-list and never fails the caller.
 * <p>
 * Refused requests (401, 403, 429 answers) are counted by the platform's source gate from
 * the response status: a module that refuses a request (a rate limit) need not report it
 * again.
 */
public interface SourceSignals {

	/**
	 * @param signal what happened
	 * @param address the client address ({@link ClientAddress#current()}); null is
	 * ignored
	 */
	void observed(SourceSignal signal, String address);

}
