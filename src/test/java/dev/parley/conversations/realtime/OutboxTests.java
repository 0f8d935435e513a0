package dev.parley.conversations.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A socket's outbox: senders never wait for the socket, frames are written one at a time
 * in order, and a socket that does not keep up is given up without holding up anyone.
 */
class OutboxTests {

	/** A transport whose writes complete only when the test says so. */
	static final class HeldTransport implements Outbox.Transport {

		final List<String> started = new ArrayList<>();

		final List<Consumer<Throwable>> pending = new ArrayList<>();

		@Override
		public synchronized void write(String text, Consumer<Throwable> done) {
			this.started.add(text);
			this.pending.add(done);
		}

		void complete(Throwable failure) {
			Consumer<Throwable> done;
			synchronized (this) {
				done = this.pending.remove(0);
			}
			done.accept(failure);
		}

	}

	static final class Events implements Outbox.Listener {

		final List<String> givenUp = new ArrayList<>();

		final List<Throwable> dropped = new ArrayList<>();

		@Override
		public void givenUp(String why, Throwable cause) {
			this.givenUp.add(why);
		}

		@Override
		public void dropped(Throwable cause) {
			this.dropped.add(cause);
		}

	}

	private final HeldTransport transport = new HeldTransport();

	private final Events events = new Events();

	private final Outbox outbox = new Outbox(this.transport, this.events, 100, 10_000);

	@Test
	void framesAreWrittenOneAtATimeInOrderWithoutWaiting() {
		this.outbox.send("one", 0);
		this.outbox.send("two", 0);
		this.outbox.send("three", 0);
		assertThat(this.transport.started).as("the second waits for the first").containsExactly("one");
		this.transport.complete(null);
		assertThat(this.transport.started).containsExactly("one", "two");
		this.transport.complete(null);
		this.transport.complete(null);
		assertThat(this.transport.started).containsExactly("one", "two", "three");
		assertThat(this.transport.pending).isEmpty();
		this.outbox.send("four", 0);
		assertThat(this.transport.started).last().isEqualTo("four");
		assertThat(this.events.givenUp).isEmpty();
	}

	@Test
	void aSocketThatTakesNothingIsGivenUpWhenTooMuchWaits() {
		this.outbox.send("x".repeat(40), 0);
		this.outbox.send("y".repeat(40), 0);
		assertThat(this.events.givenUp).isEmpty();
		this.outbox.send("z".repeat(40), 0);
		assertThat(this.events.givenUp).hasSize(1);
		this.outbox.send("later", 0);
		this.transport.complete(null);
		assertThat(this.transport.started).as("nothing after giving up").hasSize(1);
	}

	@Test
	void aWriteHangingPastTheLimitIsStuckAndTheNextFrameGivesUp() {
		this.outbox.send("one", 1_000);
		assertThat(this.outbox.stuck(5_000)).isFalse();
		assertThat(this.outbox.stuck(11_001)).isTrue();
		this.outbox.send("two", 11_001);
		assertThat(this.events.givenUp).hasSize(1);
		assertThat(this.outbox.stuck(20_000)).as("closed").isFalse();
	}

	@Test
	void aBrokenSocketIsGivenUpAndAFrameThatCannotBeEncodedOnlyDropped() {
		this.outbox.send("bad", 0);
		this.outbox.send("good", 0);
		this.transport.complete(new IllegalArgumentException("lone surrogate"));
		assertThat(this.events.dropped).hasSize(1);
		assertThat(this.transport.started).containsExactly("bad", "good");
		this.transport.complete(new java.io.IOException("reset"));
		assertThat(this.events.givenUp).hasSize(1);
		this.outbox.send("after", 0);
		assertThat(this.transport.started).hasSize(2);
	}

	@Test
	void aLongQueueThatDrainsAtOnceNeedsNoDeepStack() {
		List<String> written = new ArrayList<>();
		List<Consumer<Throwable>> first = new ArrayList<>();
		Outbox outbox = new Outbox((text, done) -> {
			written.add(text);
			if (first.isEmpty()) {
				first.add(done); // the first write hangs while 50,000 frames queue up
			}
			else {
				done.accept(null); // the rest complete before the transport returns
			}
		}, this.events, 10_000_000, 10_000);
		for (int i = 0; i < 50_000; i++) {
			outbox.send("frame " + i, 0);
		}
		assertThat(written).hasSize(1);
		first.get(0).accept(null);
		assertThat(written).hasSize(50_000);
		assertThat(written.get(49_999)).isEqualTo("frame 49999");
		assertThat(this.events.givenUp).isEmpty();
	}

	@Test
	void aQueueThatDrainsLaterContinuesOnTheCompletingThread() throws Exception {
		this.outbox.send("one", 0);
		for (int i = 0; i < 5; i++) {
			this.outbox.send("n" + i, 0);
		}
		Thread completer = new Thread(() -> {
			for (int i = 0; i < 6; i++) {
				this.transport.complete(null);
			}
		});
		completer.start();
		completer.join();
		assertThat(this.transport.started).containsExactly("one", "n0", "n1", "n2", "n3", "n4");
	}

	@Test
	void aReplayWaitsForRoomInsteadOfFillingTheQueue() throws Exception {
		this.outbox.send("x".repeat(40), 0);
		assertThat(this.outbox.awaitRoom(20, 1)).as("40 + 20 is over half of 100").isFalse();
		Thread completer = new Thread(() -> this.transport.complete(null));
		completer.start();
		assertThat(this.outbox.awaitRoom(20, 10_000)).isTrue();
		completer.join();
		this.outbox.close();
		assertThat(this.outbox.awaitRoom(20, 10_000)).as("closed").isFalse();
	}

	@Test
	void aCloseWaitsForTheFramesQueuedBeforeItAndTakesNoneAfter() {
		List<String> closed = new ArrayList<>();
		this.outbox.send("error", 0);
		this.outbox.closeWhenDrained(() -> closed.add("closed"), 0);
		this.outbox.send("too late", 0);
		assertThat(closed).as("the error frame is still being written").isEmpty();
		this.transport.complete(null);
		assertThat(closed).containsExactly("closed");
		assertThat(this.transport.started).containsExactly("error");
	}

	@Test
	void aCloseWithNothingQueuedHappensAtOnceAndADrainThatHangsIsStuck() {
		List<String> closed = new ArrayList<>();
		this.outbox.closeWhenDrained(() -> closed.add("closed"), 0);
		assertThat(closed).containsExactly("closed");

		Outbox hanging = new Outbox(this.transport, this.events, 100, 10_000);
		hanging.send("one", 0);
		hanging.closeWhenDrained(() -> closed.add("again"), 0);
		assertThat(hanging.stuck(500)).isFalse();
		assertThat(hanging.stuck(Outbox.DRAIN_LIMIT_MILLIS + 1)).isTrue();
	}

}
