package dev.parley.platform.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.parley.conversations.ConversationWaiting;

import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Module listeners for the durability tests: they count what reached them, and can be
 * told to fail a number of times first. Shared by every node a test starts in this JVM.
 *
 * <p>
 * Not a {@code @Configuration}: component scanning would then add it to every test's
 * application; the tests that want it pass it as a source.
 */
class EventProbe {

	/** A test event. */
	record Poked(String id) {
	}

	static final Map<Long, AtomicInteger> waitingRuns = new ConcurrentHashMap<>();

	static final Map<String, AtomicInteger> pokeAttempts = new ConcurrentHashMap<>();

	static final Map<String, AtomicInteger> pokeRuns = new ConcurrentHashMap<>();

	/** How many times each poke fails before it succeeds. */
	static volatile int failuresPerPoke;

	static void reset() {
		waitingRuns.clear();
		pokeAttempts.clear();
		pokeRuns.clear();
		failuresPerPoke = 0;
	}

	@Bean
	Listener eventProbeListener() {
		return new Listener();
	}

	static class Listener {

		@ApplicationModuleListener
		void on(ConversationWaiting event) {
			waitingRuns.computeIfAbsent(event.conversationId(), (id) -> new AtomicInteger()).incrementAndGet();
		}

		@ApplicationModuleListener
		void on(Poked event) {
			int attempt = pokeAttempts.computeIfAbsent(event.id(), (id) -> new AtomicInteger()).incrementAndGet();
			if (attempt <= failuresPerPoke) {
				throw new IllegalStateException("Failing poke " + event.id() + " on purpose, attempt " + attempt);
			}
			pokeRuns.computeIfAbsent(event.id(), (id) -> new AtomicInteger()).incrementAndGet();
		}

	}

}
