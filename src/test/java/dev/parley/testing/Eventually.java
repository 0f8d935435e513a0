package dev.parley.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

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
		until(() -> what, condition, PATIENCE);
	}

	/**
	 * @param what says what did not happen; asked only on failure, so it may describe the
	 * state at that moment
	 */
	public static void until(Supplier<String> what, BooleanSupplier condition, Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within " + patience.toSeconds() + " s: " + what.get());
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

	/**
	 * Asks until the answer passes the assertions in {@code attempt} (it throws
	 * {@link AssertionError} while it does not), and returns it; fails with the last
	 * assertion's message after {@code patience}.
	 */
	public static <T> T within(Duration patience, java.util.function.Supplier<T> attempt) {
		long deadline = System.nanoTime() + patience.toNanos();
		while (true) {
			try {
				return attempt.get();
			}
			catch (AssertionError ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
