package dev.parley.platform.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.parley.platform.EventBus;
import dev.parley.platform.ReadCache;
import dev.parley.platform.ReadCaches;
import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Caches emptied through the event bus: a change publishes {@link CacheInvalidated} after
 * its commit, and every node (in process on the embedded default, over RabbitMQ in a
 * cluster; the bus delivers to this node's own subscribers at once) empties its cache of
 * that name.
 */
@Component
class EventBusReadCaches implements ReadCaches {

	private final Map<String, Snapshot<?>> caches = new ConcurrentHashMap<>();

	private final EventBus bus;

	private final CacheProperties properties;

	private final EventBus.Subscription subscription;

	EventBusReadCaches(EventBus bus, CacheProperties properties) {
		this.bus = bus;
		this.properties = properties;
		this.subscription = bus.subscribe(CacheInvalidated.class, this::invalidated);
	}

	@PreDestroy
	void stop() {
		this.subscription.close();
	}

	@Override
	public <V> ReadCache<V> create(String name) {
		Snapshot<V> cache = new Snapshot<>(this.properties.timeToLive(), System::nanoTime);
		if (this.caches.putIfAbsent(name, cache) != null) {
			throw new IllegalStateException("A cache named " + name + " exists");
		}
		return cache;
	}

	@Override
	public void changedAll() {
		for (String name : java.util.List.copyOf(this.caches.keySet())) {
			changed(name);
		}
	}

	@Override
	public void changed(String name) {
		Snapshot<?> cache = this.caches.get(name);
		if (cache == null) {
			throw new IllegalArgumentException("No cache named " + name);
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.bus.publish(new CacheInvalidated(name));
			return;
		}
		Object key = cache.changedInTransaction();
		if (TransactionSynchronizationManager.hasResource(key)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				EventBusReadCaches.this.bus.publish(new CacheInvalidated(name));
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(key);
			}

		});
	}

	/** From this node or another; a name unknown here (another version) is ignored. */
	private void invalidated(CacheInvalidated event) {
		Snapshot<?> cache = this.caches.get(event.cache());
		if (cache != null) {
			cache.clear();
		}
	}

}
