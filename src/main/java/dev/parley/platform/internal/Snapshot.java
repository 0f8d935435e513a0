package dev.parley.platform.internal;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.parley.platform.ReadCache;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A {@link ReadCache} holding one value. Every invalidation counts up a generation; a
 * value is kept only if no invalidation happened while it was read, so a read that began
 * before a change committed never keeps the old data after the change's invalidation.
 * Loads run on the caller's thread without any lock held: a caller inside a transaction
 * reads with the connection it already has, and never waits for another caller's load
 * (which could be waiting for a pooled connection).
 */
final class Snapshot<V> implements ReadCache<V> {

	private final long timeToLiveNanos;

	private final LongSupplier ticker;

	/**
	 * Bound as a transaction resource while the transaction has changed this cache's
	 * data.
	 */
	private final Object changedInTransaction = new Object();

	private long generation;

	private volatile Entry<V> entry;

	Snapshot(Duration timeToLive, LongSupplier ticker) {
		this.timeToLiveNanos = timeToLive.toNanos();
		this.ticker = ticker;
	}

	private record Entry<V>(V value, long loadedAt) {
	}

	@Override
	public V get(Predicate<? super V> usable, Supplier<? extends V> loader) {
		if (TransactionSynchronizationManager.hasResource(this.changedInTransaction)) {
			return loader.get();
		}
		Entry<V> kept = this.entry;
		if (kept != null && this.ticker.getAsLong() - kept.loadedAt() < this.timeToLiveNanos
				&& usable.test(kept.value())) {
			return kept.value();
		}
		long generation;
		synchronized (this) {
			generation = this.generation;
		}
		long loadedAt = this.ticker.getAsLong();
		V value = loader.get();
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			synchronized (this) {
				if (this.generation == generation) {
					this.entry = new Entry<>(value, loadedAt);
				}
			}
		}
		return value;
	}

	/** Forgets the value and any value being read now. */
	synchronized void clear() {
		this.generation++;
		this.entry = null;
	}

	/** The transaction resource key that marks this cache as changed. */
	Object changedInTransaction() {
		return this.changedInTransaction;
	}

}
