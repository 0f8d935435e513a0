package dev.parley.platform.internal;

import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.amqp.core.Message;

/**
 * Events this node could not hand to the broker, oldest first, kept until the broker is
 * back. Bounded, so an outage never costs the node its memory: when full, the oldest
 * event is dropped and the overflow remembered, so the other nodes can be told to
 * resynchronise once the broker answers again.
 */
final class EventBacklog {

	private final int capacity;

	private final Deque<Message> messages = new ArrayDeque<>();

	private boolean overflowed;

	private long dropped;

	EventBacklog(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1");
		}
		this.capacity = capacity;
	}

	/** Keeps a message behind the others. */
	synchronized void add(Message message) {
		makeRoom();
		this.messages.addLast(message);
	}

	/** Puts back the message just taken with {@link #poll()}, ahead of the others. */
	synchronized void putBack(Message message) {
		makeRoom();
		this.messages.addFirst(message);
	}

	/** The oldest message, removed; {@code null} when there is none. */
	synchronized Message poll() {
		return this.messages.pollFirst();
	}

	synchronized boolean isEmpty() {
		return this.messages.isEmpty();
	}

	synchronized int size() {
		return this.messages.size();
	}

	/** Messages dropped for want of room since the node started. */
	synchronized long dropped() {
		return this.dropped;
	}

	/**
	 * Whether messages were dropped since the last call; clears the mark.
	 */
	synchronized boolean takeOverflow() {
		boolean overflow = this.overflowed;
		this.overflowed = false;
		return overflow;
	}

	/** Marks an overflow again (its report could not be sent). */
	synchronized void markOverflow() {
		this.overflowed = true;
	}

	private void makeRoom() {
		if (this.messages.size() >= this.capacity) {
			this.messages.pollFirst();
			this.dropped++;
			this.overflowed = true;
		}
	}

}
