package dev.parley.conversations.realtime;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * A WebSocket session without a network: it keeps what is sent to it, and can be told to
 * block every send until released (a recipient that does not read).
 */
final class FakeSession implements WebSocketSession {

	private final String id = UUID.randomUUID().toString();

	private final List<String> sent = new ArrayList<>();

	private final Map<String, Object> attributes = new HashMap<>();

	private volatile CountDownLatch gate;

	private volatile CloseStatus closed;

	/** Makes every later send wait until {@link #release()}. */
	FakeSession block() {
		this.gate = new CountDownLatch(1);
		return this;
	}

	void release() {
		CountDownLatch current = this.gate;
		if (current != null) {
			current.countDown();
		}
	}

	synchronized List<String> sent() {
		return List.copyOf(this.sent);
	}

	CloseStatus closedWith() {
		return this.closed;
	}

	@Override
	public void sendMessage(WebSocketMessage<?> message) {
		CountDownLatch current = this.gate;
		if (current != null) {
			try {
				current.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		synchronized (this) {
			this.sent.add(((TextMessage) message).getPayload());
		}
	}

	@Override
	public boolean isOpen() {
		return this.closed == null;
	}

	@Override
	public void close() {
		close(CloseStatus.NORMAL);
	}

	@Override
	public void close(CloseStatus status) {
		this.closed = status;
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public URI getUri() {
		return URI.create("ws://localhost/ws/test");
	}

	@Override
	public HttpHeaders getHandshakeHeaders() {
		return new HttpHeaders();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.attributes;
	}

	@Override
	public Principal getPrincipal() {
		return null;
	}

	@Override
	public InetSocketAddress getLocalAddress() {
		return null;
	}

	@Override
	public InetSocketAddress getRemoteAddress() {
		return null;
	}

	@Override
	public String getAcceptedProtocol() {
		return null;
	}

	@Override
	public void setTextMessageSizeLimit(int messageSizeLimit) {
	}

	@Override
	public int getTextMessageSizeLimit() {
		return 0;
	}

	@Override
	public void setBinaryMessageSizeLimit(int messageSizeLimit) {
	}

	@Override
	public int getBinaryMessageSizeLimit() {
		return 0;
	}

	@Override
	public List<WebSocketExtension> getExtensions() {
		return List.of();
	}

}
