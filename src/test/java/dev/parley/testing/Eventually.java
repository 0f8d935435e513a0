package dev.parley.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for something another thread or node does: polls a condition until it holds, and
 * fails after a generous limit. Not a pause before an assertion: it returns as soon as
 * the condition holds.
 */
public final class Eventually {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private Eventually() {
	}

	public static void until(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within " + PATIENCE.toSeconds() + " s: " + what);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
