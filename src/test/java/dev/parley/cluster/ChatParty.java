package dev.parley.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.parley.testing.SocketClient;
import tools.jackson.databind.JsonNode;

/**
 * One side of a chat behaving as Parley's clients do (docs/protocol.md): when its socket
 * is lost it connects again (through the proxy, to whichever node), syncs from the last
 * sequence number it saw, and sends again, with the same client id, every message not yet
 * acknowledged. Used from one thread at a time.
 */
final class ChatParty implements AutoCloseable {

	private static final Duration ACK_PATIENCE = Duration.ofSeconds(90);

	private final String side;

	private final long conversation;

	private final Supplier<SocketClient> connect;

	private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

	private final Set<String> received = ConcurrentHashMap.newKeySet();

	private volatile SocketClient socket;

	private volatile int connections;

	private long lastSeq;

	private volatile long longestWaitNanos;

	private int sent;

	ChatParty(String side, long conversation, Supplier<SocketClient> connect) {
		this.side = side;
		this.conversation = conversation;
		this.connect = connect;
		reconnect();
	}

	String side() {
		return this.side;
	}

	/** Acknowledged messages of this side: client id to sequence number. */
	Map<String, Long> acknowledged() {
		return this.acknowledged;
	}

	/**
	 * The longest time one message took from its first send to its ack (reconnects and
	 * resends included) since the last call, for the measurements in docs/performance.md.
	 */
	Duration takeLongestWait() {
		Duration longest = Duration.ofNanos(this.longestWaitNanos);
		this.longestWaitNanos = 0;
		return longest;
	}

	/** How many sockets this side has opened (1 + reconnects). */
	int connections() {
		return this.connections;
	}

	/**
	 * Sends one message and returns once it is acknowledged, reconnecting and resending
	 * as often as needed.
	 */
	void sendAcknowledged() {
		String clientId = this.side + "-" + (++this.sent);
		long start = System.nanoTime();
		long deadline = start + ACK_PATIENCE.toNanos();
		while (System.nanoTime() < deadline) {
			if (this.socket.isClosed()) {
				reconnect();
			}
			try {
				this.socket.send(Map.of("type", "send", "conversationId", this.conversation, "clientId", clientId,
						"text", "message " + clientId));
			}
			catch (RuntimeException ex) {
				continue; // the socket went away while sending: reconnect and resend
			}
			long resendAt = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (!this.acknowledged.containsKey(clientId) && !this.socket.isClosed()
					&& System.nanoTime() < resendAt) {
				JsonNode frame = this.socket.poll(Duration.ofMillis(100));
				if (frame != null) {
					handle(frame);
				}
			}
			if (this.acknowledged.containsKey(clientId)) {
				this.longestWaitNanos = Math.max(this.longestWaitNanos, System.nanoTime() - start);
				return;
			}
		}
		throw new AssertionError(this.side + ": no ack for " + clientId + " within " + ACK_PATIENCE);
	}

	/** Reads frames until every given message has arrived on this side. */
	void awaitReceived(Collection<String> clientIds) {
		long deadline = System.nanoTime() + ACK_PATIENCE.toNanos();
		while (!this.received.containsAll(clientIds)) {
			if (System.nanoTime() > deadline) {
				Set<String> missing = new HashSet<>(clientIds);
				missing.removeAll(this.received);
				throw new AssertionError(this.side + " never received " + missing);
			}
			if (this.socket.isClosed()) {
				reconnect();
			}
			JsonNode frame = this.socket.poll(Duration.ofMillis(100));
			if (frame != null) {
				handle(frame);
			}
		}
	}

	private void handle(JsonNode frame) {
		switch (frame.path("type").asString()) {
			case "ack" -> this.acknowledged.put(frame.path("clientId").asString(), frame.path("seq").asLong());
			case "message" -> {
				JsonNode message = frame.path("message");
				this.received.add(message.path("clientId").asString());
				this.lastSeq = Math.max(this.lastSeq, message.path("seq").asLong());
			}
			case "resync" -> sync();
			case "error" -> {
				// "unavailable": the node is stopping and stored nothing; the message is
				// sent again on the next connection. Anything else is a real failure.
				if (!"unavailable".equals(frame.path("code").asString())) {
					throw new AssertionError(this.side + " got " + frame);
				}
			}
			default -> {
			}
		}
	}

	/**
	 * Connects again, retrying while the proxy finds no node (both restarting), and
	 * resumes from the last sequence number seen.
	 */
	private void reconnect() {
		if (this.socket != null) {
			this.socket.close();
		}
		long deadline = System.nanoTime() + ACK_PATIENCE.toNanos();
		while (true) {
			try {
				this.socket = this.connect.get();
				this.connections++;
				sync();
				return;
			}
			catch (RuntimeException ex) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError(this.side + " could not reconnect", ex);
				}
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new AssertionError(interrupted);
				}
			}
		}
	}

	private void sync() {
		this.socket.send(Map.of("type", "sync", "conversationId", this.conversation, "afterSeq", this.lastSeq));
	}

	@Override
	public void close() {
		this.socket.close();
	}

}
