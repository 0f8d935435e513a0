package dev.parley.platform.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.parley.platform.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The event bus of a single node: a publish calls the subscribers of the event's type
 * directly. A failing subscriber is logged and does not keep the others from their event.
 * The embedded default; a cluster sets {@code parley.event-bus=rabbitmq}, whose bus uses
 * this one for the local half of every delivery.
 */
@Component
@ConditionalOnProperty(name = "parley.event-bus", havingValue = "in-process", matchIfMissing = true)
class InProcessEventBus implements EventBus {

	private static final Logger logger = LoggerFactory.getLogger(InProcessEventBus.class);

	private final List<Registration<?>> registrations = new CopyOnWriteArrayList<>();

	@Override
	public void publish(Object event) {
		for (Registration<?> registration : this.registrations) {
			registration.offer(event);
		}
	}

	@Override
	public <T> Subscription subscribe(Class<T> type, Consumer<? super T> handler) {
		Registration<T> registration = new Registration<>(type, handler);
		this.registrations.add(registration);
		return () -> this.registrations.remove(registration);
	}

	private record Registration<T>(Class<T> type, Consumer<? super T> handler) {

		void offer(Object event) {
			if (this.type.isInstance(event)) {
				try {
					this.handler.accept(this.type.cast(event));
				}
				catch (RuntimeException ex) {
					logger.warn("Event subscriber failed on {}", event.getClass().getSimpleName(), ex);
				}
			}
		}

	}

}
