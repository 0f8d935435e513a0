package dev.parley.platform;

import java.util.function.Consumer;

/**
 * Carries live events (a new message, a typing state, a changed conversation) to every
 * node's connections. The in-process bus is the implementation of the embedded default; a
 * cluster puts a broker behind the same interface. Events are plain records, so they can
 * be serialised as JSON on the wire.
 *
 * <p>
 * Handlers run on the publisher's thread and must not block: they hand work to connection
 * queues and return.
 */
public interface EventBus {

	/** Delivers the event to every subscriber of its type, on every node. */
	void publish(Object event);

	/**
	 * @return a handle that ends the subscription when closed
	 */
	<T> Subscription subscribe(Class<T> type, Consumer<? super T> handler);

	/** An active subscription. */
	interface Subscription extends AutoCloseable {

		@Override
		void close();

	}

}
