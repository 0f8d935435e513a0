package dev.parley.conversations.realtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The frames on their way to one socket. Whoever sends (the sender's thread with its
 * {@code ack}, a fan-out thread with a live event) only queues the frame and returns; the
 * frames are written one at a time, in the order they were queued, by a transport that
 * does not block (the container's asynchronous send). So a socket that takes no data
 * holds up nothing but its own frames; it is given up (the connection closed, the client
 * reconnects and syncs) once more than {@code maxQueuedChars} wait or one write has not
 * finished within {@code writeTimeLimitMillis}.
 */
final class Outbox {

	/** Writes one frame; calls {@code done} exactly once, possibly before returning. */
	interface Transport {

		/**
		 * @param done called with null once the frame is written, or with why it was not
		 * ({@link IllegalArgumentException}: this frame cannot be encoded; anything else:
		 * the socket is broken)
		 */
		void write(String text, Consumer<Throwable> done);

	}

	/** What the outbox tells its connection. */
	interface Listener {

		/** The socket is broken or does not keep up: close it. */
		void givenUp(String why, Throwable cause);

		/** One frame could not be encoded and was dropped; the others go on. */
		void dropped(Throwable cause);

	}

	/** How long a close waits for the queue to be written. */
	static final long DRAIN_LIMIT_MILLIS = 1_000;

	private final Transport transport;

	private final Listener listener;

	private final long maxQueuedChars;

	private final long writeTimeLimitMillis;

	private final Deque<String> queue = new ArrayDeque<>();

	/** Characters queued or being written. */
	private long queuedChars;

	/** A write is in flight, or a thread is starting the next one. */
	private boolean writing;

	private long writeStartedAt;

	private boolean closed;

	/**
	 * What to do once the queue has been written (a close); no frame is taken after it.
	 */
	private Runnable afterDrain;

	private long drainRequestedAt;

	Outbox(Transport transport, Listener listener, long maxQueuedChars, long writeTimeLimitMillis) {
		this.transport = transport;
		this.listener = listener;
		this.maxQueuedChars = maxQueuedChars;
		this.writeTimeLimitMillis = writeTimeLimitMillis;
	}

	/**
	 * Queues a frame and returns at once; writes it now if nothing else is being written.
	 */
	void send(String text, long now) {
		String overflow = null;
		synchronized (this) {
			if (this.closed || this.afterDrain != null) {
				return;
			}
			if (this.writing && now - this.writeStartedAt > this.writeTimeLimitMillis) {
				overflow = "a write has not finished for " + (now - this.writeStartedAt) + " ms";
			}
			else if (this.queuedChars + text.length() > this.maxQueuedChars) {
				overflow = "more than " + this.maxQueuedChars + " characters wait to be written";
			}
			else {
				this.queue.add(text);
				this.queuedChars += text.length();
				if (this.writing) {
					return;
				}
				this.writing = true;
			}
			if (overflow != null) {
				close();
			}
		}
		if (overflow != null) {
			this.listener.givenUp(overflow, null);
			return;
		}
		pump(now);
	}

	/**
	 * Waits until a frame of this size can be queued with the queue at most half full:
	 * how a long replay ({@code sync}) keeps pace with the socket instead of filling the
	 * queue and being given up. Only the connection's own reader calls it.
	 * @return false when the outbox closed or the wait ran out
	 */
	synchronized boolean awaitRoom(long chars, long timeoutMillis) throws InterruptedException {
		long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
		while (!this.closed && this.queuedChars > 0 && this.queuedChars + chars > this.maxQueuedChars / 2) {
			long left = (deadline - System.nanoTime()) / 1_000_000;
			if (left <= 0) {
				return false;
			}
			wait(left);
		}
		return !this.closed;
	}

	/**
	 * Whether one write has taken longer than the limit (checked by the connection
	 * watch).
	 */
	synchronized boolean stuck(long now) {
		if (this.closed) {
			return false;
		}
		return (this.writing && now - this.writeStartedAt > this.writeTimeLimitMillis)
				|| (this.afterDrain != null && now - this.drainRequestedAt > DRAIN_LIMIT_MILLIS);
	}

	/**
	 * Writes what is queued, then runs {@code action} (closing the socket, so that an
	 * {@code error} frame sent just before reaches the client first); frames sent after
	 * this are ignored. A drain that takes longer than a second counts as stuck.
	 */
	void closeWhenDrained(Runnable action, long now) {
		boolean runNow;
		synchronized (this) {
			if (this.afterDrain != null) {
				return;
			}
			runNow = this.closed || (!this.writing && this.queue.isEmpty());
			if (runNow) {
				this.closed = true;
			}
			else {
				this.afterDrain = action;
				this.drainRequestedAt = now;
			}
		}
		if (runNow) {
			action.run();
		}
	}

	/** Drops what waits; later frames are ignored. */
	synchronized void close() {
		this.closed = true;
		this.queue.clear();
		this.queuedChars = 0;
		notifyAll();
	}

	/**
	 * Writes queued frames one at a time. A write that completes before the transport
	 * returns is followed by the next one in this loop (never by recursion, so a long
	 * queue that drains at once cannot overflow the stack); one that completes later
	 * continues on the thread that completes it.
	 */
	private void pump(long now) {
		while (true) {
			String text;
			Runnable drained = null;
			Write write = new Write();
			synchronized (this) {
				text = this.closed ? null : this.queue.poll();
				if (text == null) {
					this.writing = false;
					drained = this.closed ? null : this.afterDrain;
					if (drained != null) {
						this.afterDrain = null;
						this.closed = true;
					}
				}
				else {
					this.writeStartedAt = now;
					write.chars = text.length();
				}
			}
			if (text == null) {
				if (drained != null) {
					drained.run();
				}
				return;
			}
			try {
				this.transport.write(text, (failure) -> finished(write, failure));
			}
			catch (RuntimeException ex) {
				finished(write, ex);
			}
			synchronized (this) {
				if (!write.done) {
					// still in flight: its completion continues with the next frame
					write.continues = true;
					return;
				}
			}
			now = Gateway.now();
		}
	}

	private void finished(Write write, Throwable failure) {
		boolean continueHere;
		boolean broken = failure != null && !(failure instanceof IllegalArgumentException);
		synchronized (this) {
			if (write.done) {
				return; // called twice by a faulty transport
			}
			write.done = true;
			this.queuedChars = Math.max(0, this.queuedChars - write.chars);
			notifyAll();
			if (broken) {
				close();
				this.writing = false;
			}
			continueHere = write.continues && !broken;
		}
		if (broken) {
			this.listener.givenUp("the write failed", failure);
			return;
		}
		if (failure != null) {
			this.listener.dropped(failure);
		}
		if (continueHere) {
			pump(Gateway.now());
		}
	}

	/** One write: whether it has completed, and who goes on once it has. */
	private static final class Write {

		private long chars;

		private boolean done;

		private boolean continues;

	}

}
