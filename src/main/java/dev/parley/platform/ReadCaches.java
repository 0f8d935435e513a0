package dev.parley.platform;

/**
 * The caches of values read on hot paths, and their invalidation on every node. A module
 * creates its cache once, by a name unique in the application, and calls
 * {@link #changed(String)} from every path that changes what the cache holds.
 */
public interface ReadCaches {

	/**
	 * @return a new, empty cache
	 * @throws IllegalStateException when a cache of that name exists
	 */
	<V> ReadCache<V> create(String name);

	/**
	 * Empties the named cache on this node and, through the event bus, on every other
	 * node: after the current transaction commits (nothing happens if it rolls back), or
	 * at once when no transaction is active. Until then the transaction reads the
	 * database instead of the cache.
	 */
	void changed(String name);

	/**
	 * Empties every cache on every node, as {@link #changed(String)} does for one: after
	 * the whole database changed at once (a restore).
	 */
	void changedAll();

}
