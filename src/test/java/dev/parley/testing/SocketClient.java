package dev.parley.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client for protocol tests (JDK's {@code java.net.http}): sends JSON
 * frames, collects every frame the server sends, and waits for the ones a test expects.
 */
public final class SocketClient implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final WebSocket socket;

	private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();

	private final List<JsonNode> seen = new ArrayList<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	/**
	 * One send at a time: the JDK's socket refuses a message while the previous one is
	 * still being sent (IllegalStateException), and a test may send from two threads (a
	 * reader answering {@code resync} with {@code sync} while the test sends).
	 */
	private final Object sending = new Object();

	private SocketClient(int port, String path, String cookie) {
		this(URI.create("ws://127.0.0.1:" + port + path), null, cookie, null);
	}

	private SocketClient(URI uri, javax.net.ssl.SSLContext tls, String cookie, String origin) {
		this(uri, tls, cookie, origin, null);
	}

	private SocketClient(URI uri, javax.net.ssl.SSLContext tls, String cookie, String origin, String forwardedFor) {
		HttpClient.Builder client = HttpClient.newBuilder();
		if (tls != null) {
			client.sslContext(tls);
		}
		WebSocket.Builder builder = client.build().newWebSocketBuilder().connectTimeout(WAIT);
		if (cookie != null && !cookie.isEmpty()) {
			builder.header("Cookie", cookie);
		}
		if (origin != null) {
			builder.header("Origin", origin);
		}
		if (forwardedFor != null) {
			builder.header("X-Forwarded-For", forwardedFor);
		}
		this.socket = builder.buildAsync(uri, new Listener()).join();
	}

	/**
	 * A visitor connection to {@code base} (e.g. {@code wss://127.0.0.1:8443} through a
	 * proxy), already past {@code hello}/{@code ready}.
	 */
	public static SocketClient visitor(String base, javax.net.ssl.SSLContext tls, String token) {
		SocketClient client = new SocketClient(URI.create(base + "/ws/visitor"), tls, null, null);
		client.send(Map.of("type", "hello", "token", token));
		client.expect("ready");
		return client;
	}

	/**
	 * A staff connection to {@code base} with the session cookies of a signed-in client
	 * and the {@code Origin} a browser on that page sends.
	 */
	public static SocketClient staff(String base, javax.net.ssl.SSLContext tls, ApiClient signedIn, String origin) {
		SocketClient client = new SocketClient(URI.create(base + "/ws/staff"), tls, signedIn.cookieHeader(), origin);
		client.expect("ready");
		return client;
	}

	/** A visitor connection, already past {@code hello}/{@code ready}. */
	public static SocketClient visitor(int port, String token) {
		SocketClient client = new SocketClient(port, "/ws/visitor", null);
		client.send(Map.of("type", "hello", "token", token));
		client.expect("ready");
		return client;
	}

	/** A visitor connection that has not said hello. */
	public static SocketClient anonymous(int port) {
		return new SocketClient(port, "/ws/visitor", null);
	}

	/**
	 * A visitor connection that has not said hello, from a client address of the test's
	 * choosing ({@code X-Forwarded-For} from the loopback proxy).
	 */
	public static SocketClient anonymousFrom(int port, String address) {
		return new SocketClient(URI.create("ws://127.0.0.1:" + port + "/ws/visitor"), null, null, null, address);
	}

	/**
	 * A visitor connection from a client address of the test's choosing, already past
	 * {@code hello}/{@code ready}.
	 */
	public static SocketClient visitorFrom(int port, String address, String token) {
		SocketClient client = anonymousFrom(port, address);
		client.send(Map.of("type", "hello", "token", token));
		client.expect("ready");
		return client;
	}

	/** A staff connection with the session cookies of a signed-in client. */
	public static SocketClient staff(int port, ApiClient signedIn) {
		SocketClient client = new SocketClient(port, "/ws/staff", signedIn.cookieHeader());
		client.expect("ready");
		return client;
	}

	public void send(Object frame) {
		sendText((frame instanceof String text) ? text : json.writeValueAsString(frame));
	}

	public void sendText(String text) {
		synchronized (this.sending) {
			this.socket.sendText(text, true).join();
		}
	}

	/**
	 * The next frame of this type (frames of other types before it are kept in seen()).
	 */
	public JsonNode expect(String type) {
		return expect((frame) -> frame.path("type").asString().equals(type), type);
	}

	public JsonNode expect(Predicate<JsonNode> match, String what) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		try {
			while (true) {
				long left = deadline - System.nanoTime();
				JsonNode frame = (left > 0) ? this.inbox.poll(left, TimeUnit.NANOSECONDS) : null;
				if (frame == null) {
					throw new AssertionError("No " + what + " within " + WAIT + "; saw " + this.seen);
				}
				if (match.test(frame)) {
					return frame;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/**
	 * The next frame, or {@code null} when none arrives within {@code wait} (for loops
	 * that must notice a server that went away).
	 */
	public JsonNode poll(Duration wait) {
		try {
			return this.inbox.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** Whether the connection has ended (closed by either side, or lost). */
	public boolean isClosed() {
		return this.closed.isDone();
	}

	/** An error frame with this code; then checks the connection still answers a ping. */
	public JsonNode expectError(String code) {
		JsonNode error = expect("error");
		if (!error.path("code").asString().equals(code)) {
			throw new AssertionError("Expected error " + code + " but got " + error);
		}
		return error;
	}

	public void assertStillUsable() {
		send(Map.of("type", "ping"));
		expect("pong");
	}

	/** Frames that arrived and have not been consumed yet, without waiting. */
	public List<JsonNode> drain() {
		List<JsonNode> frames = new ArrayList<>();
		this.inbox.drainTo(frames);
		return frames;
	}

	public synchronized List<JsonNode> seen() {
		return List.copyOf(this.seen);
	}

	/** Waits for the server to close the connection; returns the close code. */
	public int awaitClose() {
		return this.closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
	}

	/** Drops the connection without a closing handshake, like a lost network. */
	public void drop() {
		this.socket.abort();
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
		}
		this.socket.abort();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				JsonNode frame = json.readTree(this.partial.toString());
				this.partial.setLength(0);
				synchronized (SocketClient.this) {
					SocketClient.this.seen.add(frame);
				}
				SocketClient.this.inbox.add(frame);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			SocketClient.this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			SocketClient.this.closed.complete(-1);
		}

	}

}
