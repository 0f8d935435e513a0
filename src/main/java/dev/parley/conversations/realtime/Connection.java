package dev.parley.conversations.realtime;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.parley.platform.StaffActor;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One open WebSocket and what it is allowed to see. Sends are thread-safe and never block
 * the caller for long: while one thread writes, others queue their frames and return; a
 * client that cannot keep up (more than 512 KB queued, or a write stuck for 10 s) is
 * disconnected, and catches up with {@code sync} when it reconnects. A frame that cannot
 * be sent for what it holds is dropped and logged; it never costs a healthy connection
 * its life.
 */
final class Connection {

	private static final Logger logger = LoggerFactory.getLogger(Connection.class);

	static final int SEND_TIME_LIMIT_MILLIS = 10_000;

	static final int SEND_BUFFER_LIMIT = 512 * 1024;

	/** Tomcat's per-session limit on a blocking write, in milliseconds. */
	private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	private final WebSocketSession session;

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
		limitBlockingWrites(session);
		this.session = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MILLIS, SEND_BUFFER_LIMIT);
		this.staff = staff;
		this.httpSessionId = httpSessionId;
		this.lastActivity = now;
	}

	/**
	 * A write to a socket that takes no data fails after {@link #SEND_TIME_LIMIT_MILLIS}
	 * (Tomcat's own default is 20 s), so a fan-out thread waits that long at most before
	 * the connection is dropped.
	 */
	private static void limitBlockingWrites(WebSocketSession session) {
		if (session instanceof NativeWebSocketSession nativeSession) {
			jakarta.websocket.Session container = nativeSession.getNativeSession(jakarta.websocket.Session.class);
			if (container != null) {
				container.getUserProperties().put(BLOCKING_SEND_TIMEOUT, (long) SEND_TIME_LIMIT_MILLIS);
			}
		}
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

	void send(TextMessage frame) {
		if (!this.session.isOpen()) {
			return;
		}
		try {
			this.session.sendMessage(frame);
		}
		catch (IllegalArgumentException ex) {
			// the frame, not the connection: text no encoder can write (validation keeps
			// it out; this guards what was stored before)
			logger.warn("Dropped a frame that could not be encoded for connection {}", id(), ex);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Dropping slow or broken connection {}", id(), ex);
			close(CloseStatus.SESSION_NOT_RELIABLE);
		}
	}

	void close(CloseStatus status) {
		try {
			this.session.close(status);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Closing {} failed", id(), ex);
		}
	}

	boolean open() {
		return this.session.isOpen();
	}

}
