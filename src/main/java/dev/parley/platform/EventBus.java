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
 *
 * <p>
 * Across nodes delivery is at least once while the broker can be reached again: an event
 * that cannot be handed to the broker is kept (a bounded number of them) and sent when it
 * is back. What a bus cannot vouch for, it says: subscribers of {@link Resynchronise}
 * learn that live events may have been missed on this node.
 */
public interface EventBus {

	/** Delivers the event to every subscriber of its type, on every node. */
	void publish(Object event);

	/**
	 * @return a handle that ends the subscription when closed
	 */
	<T> Subscription subscribe(Class<T> type, Consumer<? super T> handler);

	/**
	 * Raised by the bus itself, to this node's subscribers only, when live events from
	 * other nodes may have been missed: this node's connection to the broker came back
	 * after a loss, or another node had to drop events it could not keep while the broker
	 * was away. Whoever holds state fed by live events reloads it from the store; the
	 * realtime gateway asks its clients to {@code sync}. The in-process bus never raises
	 * it (it cannot lose an event); applications never publish it.
	 *
	 * @param reason why, for the log
	 */
	record Resynchronise(String reason) {
	}

	/** An active subscription. */
	interface Subscription extends AutoCloseable {

		@Override
		void close();

	}

}
