package dev.parley.platform;

/**
 * Decides, for every request before any other work, whether its client address is served
 * (the security module's network lists and blocks, held in memory on each node).
 */
public interface SourceGate {

	/**
	 * @param address the client address
	 * @param staffArea whether the request is for the console or the staff API (not for
	 * the widget, the visitors' API or the customer portal)
	 */
	SourceVerdict verdict(String address, boolean staffArea);

	/**
	 * Published on the {@link EventBus} once a block of an address has committed: every
	 * node closes the connections it holds from that address (new ones are refused by the
	 * gate).
	 *
	 * @param address the blocked address, {@link ClientAddress#canonical canonical}
	 */
	record Blocked(String address) {
	}

}
