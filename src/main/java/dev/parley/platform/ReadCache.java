package dev.parley.platform;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One value read from the database far more often than it changes (the settings, the
 * shift plan), kept in memory until whatever changes it calls
 * {@link ReadCaches#changed(String)}, or until a short time to live has passed, the
 * safety net for an invalidation that was lost on its way to another node.
 *
 * <p>
 * A value read while the current transaction has changed the data (it called
 * {@code changed} and has not committed yet) comes from the database and is not kept, so
 * a transaction reads its own writes. A value read inside any other transaction is used
 * but not kept either: on MySQL/MariaDB (repeatable read) it may come from a snapshot
 * older than the last invalidation.
 *
 * @param <V> an immutable value
 */
public interface ReadCache<V> {

	/**
	 * @return the kept value, or else a fresh one from {@code loader}
	 */
	default V get(Supplier<? extends V> loader) {
		return get((value) -> true, loader);
	}

	/**
	 * @param usable whether a kept value answers this read (a plan kept for some dates
	 * does not answer for others)
	 * @return the kept value if it is usable, or else a fresh one from {@code loader},
	 * which then replaces it
	 */
	V get(Predicate<? super V> usable, Supplier<? extends V> loader);

}
