package dev.parley.security;

/**
 * The allow-list, the deny-list or the restriction of the console to listed networks
 * changed; every node refuses and serves by the new lists at once.
 *
 * @param change what changed
 * @param list {@code allow} or {@code deny}, or null for the restriction
 * @param range the address or range added or removed, or null
 * @param actor the administrator
 */
public record NetworkListChanged(Change change, String list, String range, String actor) {

	/** What changed. */
	public enum Change {

		/** An entry was added to a list. */
		ADDED,

		/** An entry was removed from a list. */
		REMOVED,

		/** The console's restriction to listed networks was switched. */
		RESTRICTION

	}

}
