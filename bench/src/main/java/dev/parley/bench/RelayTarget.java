package dev.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The bare relay ({@link Relay}) in a JVM of its own. */
final class RelayTarget implements Target {

	private final Server server;

	private final AtomicLong nextId = new AtomicLong();

	private RelayTarget(Server server) {
		this.server = server;
	}

	static RelayTarget start(Path jar, List<String> jvmArgs, Path logDir) throws Exception {
		int port = Server.freePort();
		List<String> args = List.of("-cp", jar.toString(), Relay.class.getName(), String.valueOf(port));
		return new RelayTarget(Server.start("relay", port, jvmArgs, args, logDir));
	}

	@Override
	public String label() {
		return "baseline relay";
	}

	@Override
	public Server server() {
		return this.server;
	}

	@Override
	public String wsBase() {
		return "ws://127.0.0.1:" + this.server.port();
	}

	@Override
	public Setup conversations(int count, int perAgent) {
		List<Conversation> conversations = new ArrayList<>();
		List<Agent> agents = new ArrayList<>();
		StringBuilder ids = new StringBuilder();
		for (int i = 0; i < count; i++) {
			long id = this.nextId.incrementAndGet();
			conversations.add(new Conversation(id, "relay-" + id, i / perAgent));
			ids.append((ids.length() > 0) ? "," : "").append(id);
			if ((i + 1) % perAgent == 0 || i == count - 1) {
				agents.add(new Agent("/ws/staff?conversations=" + ids, null));
				ids.setLength(0);
			}
		}
		return new Setup(conversations, agents);
	}

	@Override
	public List<String> visitorTokens(int count) {
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tokens.add("relay-" + this.nextId.incrementAndGet());
		}
		return tokens;
	}

	@Override
	public Burst burst(int visitors, Duration window) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		CountDownLatch ready = new CountDownLatch(visitors);
		AtomicInteger errors = new AtomicInteger();
		List<WebSocket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
		ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
		long start = System.nanoTime();
		long gapNanos = window.toNanos() / visitors;
		List<String> tokens = visitorTokens(visitors);
		for (int i = 0; i < visitors; i++) {
			String token = tokens.get(i);
			long delay = gapNanos * i;
			timer.schedule(() -> {
				try {
					WebSocket socket = http.newWebSocketBuilder()
						.buildAsync(URI.create(wsBase() + "/ws/visitor"), new WebSocket.Listener() {
							@Override
							public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
								if (data.toString().contains("\"ready\"")) {
									ready.countDown();
								}
								webSocket.request(1);
								return null;
							}
						})
						.join();
					socket.sendText("{\"type\":\"hello\",\"token\":\"" + token + "\"}", true).join();
					sockets.add(socket);
				}
				catch (RuntimeException ex) {
					errors.incrementAndGet();
					ready.countDown();
				}
			}, delay, TimeUnit.NANOSECONDS);
		}
		ready.await(120, TimeUnit.SECONDS);
		double seconds = (System.nanoTime() - start) / 1e9;
		timer.shutdownNow();
		sockets.forEach(WebSocket::abort);
		return new Burst(seconds, seconds, errors.get() + (int) ready.getCount());
	}

	@Override
	public void close() throws Exception {
		this.server.close();
	}

}
