package dev.parley.conversations.realtime;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.parley.platform.StaffActor;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import jakarta.websocket.RemoteEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * One open WebSocket and what it is allowed to see. Sends are thread-safe and never block
 * the caller: frames queue in the connection's {@link Outbox} and are written
 * asynchronously; a client that cannot keep up (more than 512 K characters queued, or a
 * write stuck for 10 s) is disconnected, and catches up with {@code sync} when it
 * reconnects. A frame that cannot be sent for what it holds is dropped and logged; it
 * never costs a healthy connection its life.
 */
final class Connection {

	private static final Logger logger = LoggerFactory.getLogger(Connection.class);

	static final int SEND_TIME_LIMIT_MILLIS = 10_000;

	static final int SEND_BUFFER_LIMIT = 512 * 1024;

	/**
	 * Writes to sessions without an asynchronous send: not Tomcat's (Parley's container),
	 * only tests' fakes; a thread per such connection at most, while it writes.
	 */
	private static final ExecutorService BLOCKING_WRITES = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "parley-socket-write");
		thread.setDaemon(true);
		return thread;
	});

	private final WebSocketSession session;

	private final Outbox outbox;

	/** Set once a close was asked for: the connection's frames are no longer handled. */
	private volatile boolean closing;

	private final boolean staff;

	/** The HTTP session a staff connection was opened from (to end it on sign-out). */
	private final String httpSessionId;

	private volatile VisitorIdentity visitor;

	private volatile StaffActor actor;

	private volatile Authentication authentication;

	private volatile long actorCheckedAt;

	private volatile long lastActivity;

	private long windowStart;

	private int framesInWindow;

	/** The parts so far of a frame that arrives in pieces; null between frames. */
	private StringBuilder partial;

	/**
	 * Collects a frame that may arrive in parts (the container's read buffer is small, to
	 * keep idle connections cheap). Keeps at most {@code limit + 1} characters: enough to
	 * tell the frame is too large, never the whole of a huge one.
	 * @return the frame once its last part is in (cut after {@code limit + 1}
	 * characters), or null while parts are missing
	 */
	String assemble(String part, boolean last, int limit) {
		if (last && this.partial == null) {
			return part;
		}
		if (this.partial == null) {
			this.partial = new StringBuilder();
		}
		int room = limit + 1 - this.partial.length();
		if (room > 0) {
			this.partial.append(part, 0, Math.min(room, part.length()));
		}
		if (!last) {
			return null;
		}
		String frame = this.partial.toString();
		this.partial = null;
		return frame;
	}

	/** Conversations this connection receives live events of. */
	final Set<Long> conversations = ConcurrentHashMap.newKeySet();

	Connection(WebSocketSession session, boolean staff, String httpSessionId, long now) {
		this.session = session;
		this.outbox = new Outbox(transport(session), new Outbox.Listener() {

			@Override
			public void givenUp(String why, Throwable cause) {
				logger.debug("Dropping slow or broken connection {}: {}", id(), why, cause);
				close(CloseStatus.SESSION_NOT_RELIABLE);
			}

			@Override
			public void dropped(Throwable cause) {
				// the frame, not the connection: text no encoder can write (validation
				// keeps it out; this guards what was stored before)
				logger.warn("Dropped a frame that could not be encoded for connection {}", id(), cause);
			}

		}, SEND_BUFFER_LIMIT, SEND_TIME_LIMIT_MILLIS);
		this.staff = staff;
		this.httpSessionId = httpSessionId;
		this.lastActivity = now;
	}

	/**
	 * Writes through the container's asynchronous send where there is one (Tomcat's, in
	 * Parley), so no thread waits for a slow socket; a write it has not finished within
	 * the limit fails. Any other session is written on a thread of its own.
	 */
	private static Outbox.Transport transport(WebSocketSession session) {
		if (session instanceof NativeWebSocketSession nativeSession) {
			jakarta.websocket.Session container = nativeSession.getNativeSession(jakarta.websocket.Session.class);
			if (container != null) {
				RemoteEndpoint.Async remote = container.getAsyncRemote();
				remote.setSendTimeout(SEND_TIME_LIMIT_MILLIS);
				return (text, done) -> remote.sendText(text, (result) -> done.accept(result.isOK() ? null
						: (result.getException() != null) ? result.getException() : new IOException("Not sent")));
			}
		}
		return (text, done) -> BLOCKING_WRITES.execute(() -> {
			try {
				session.sendMessage(new TextMessage(text));
				done.accept(null);
			}
			catch (IOException | RuntimeException ex) {
				done.accept(ex);
			}
		});
	}

	/**
	 * @return the client address of the handshake, or null
	 */
	String address() {
		Object address = this.session.getAttributes().get(HandshakeAddress.ATTRIBUTE);
		return (address != null) ? address.toString() : null;
	}

	String httpSessionId() {
		return this.httpSessionId;
	}

	String id() {
		return this.session.getId();
	}

	boolean staff() {
		return this.staff;
	}

	VisitorIdentity visitor() {
		return this.visitor;
	}

	void authenticateVisitor(VisitorIdentity identity) {
		this.visitor = identity;
	}

	StaffActor actor() {
		return this.actor;
	}

	Authentication authentication() {
		return this.authentication;
	}

	long actorCheckedAt() {
		return this.actorCheckedAt;
	}

	void authenticateStaff(Authentication authentication, long now) {
		this.authentication = authentication;
		this.actor = StaffActor.of(authentication);
		this.actorCheckedAt = now;
	}

	boolean authenticated() {
		return this.staff ? this.actor != null : this.visitor != null;
	}

	void touch(long now) {
		this.lastActivity = now;
	}

	long lastActivity() {
		return this.lastActivity;
	}

	/** Counts a frame; false when the connection is over its rate. */
	synchronized boolean admit(long now, int perSecond) {
		if (now - this.windowStart >= 1000) {
			this.windowStart = now;
			this.framesInWindow = 0;
		}
		return ++this.framesInWindow <= perSecond;
	}

	/** Queues a frame for this socket; never waits for the socket. */
	void send(TextMessage frame) {
		if (!this.session.isOpen()) {
			return;
		}
		this.outbox.send(frame.getPayload(), Gateway.now());
	}

	/**
	 * Sends a frame of a long replay, first waiting (this connection's reader only) until
	 * the socket has taken enough of what was queued before.
	 * @return false when the connection was given up meanwhile
	 */
	boolean sendPaced(TextMessage frame) {
		try {
			if (!this.outbox.awaitRoom(frame.getPayloadLength(), SEND_TIME_LIMIT_MILLIS)) {
				return false;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		send(frame);
		return true;
	}

	/** Whether a write to this socket has hung for longer than the limit. */
	boolean sendStuck(long now) {
		return this.outbox.stuck(now);
	}

	/**
	 * Closes the socket: at once when it is broken or does not keep up
	 * ({@code SESSION_NOT_RELIABLE}); otherwise once the frames queued before (such as
	 * the {@code error} that says why) are written, within a second.
	 */
	void close(CloseStatus status) {
		this.closing = true;
		if (CloseStatus.SESSION_NOT_RELIABLE.equals(status)) {
			this.outbox.close();
			closeSession(status);
		}
		else {
			this.outbox.closeWhenDrained(() -> closeSession(status), Gateway.now());
		}
	}

	private void closeSession(CloseStatus status) {
		try {
			this.session.close(status);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Closing {} failed", id(), ex);
		}
	}

	/**
	 * Whether a close was asked for (the socket may still be writing its last frames).
	 */
	boolean closing() {
		return this.closing;
	}

	boolean open() {
		return this.session.isOpen();
	}

}
