package dev.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load generator: a visitor socket per conversation and an agent socket per agent,
 * speaking the chat protocol (docs/protocol.md); both sides of every conversation send
 * {@code send} frames at a set rate. A message's latency runs from the moment its frame
 * is handed to the socket until the other side's socket receives it (Parley: the
 * {@code message} frame; the relay: the same {@code send} frame passed on), recorded in
 * an HdrHistogram.
 */
final class Load implements AutoCloseable {

	private final Target target;

	private final Target.Setup setup;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<WebSocket> visitors = new ArrayList<>();

	private final List<WebSocket> agents = new ArrayList<>();

	private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

	private final Recorder recorder = new Recorder(3);

	private final AtomicLong delivered = new AtomicLong();

	private final AtomicInteger errors = new AtomicInteger();

	private final AtomicLong sequence = new AtomicLong();

	private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);

	Load(Target target, Target.Setup setup) {
		this.target = target;
		this.setup = setup;
	}

	/**
	 * Opens every socket (visitors say hello) and waits a moment for the server to
	 * settle.
	 */
	Load connect() throws Exception {
		for (Target.Agent agent : this.setup.agents()) {
			this.agents.add(open(agent.path(), agent.cookie(), "v-"));
		}
		for (Target.Conversation conversation : this.setup.conversations()) {
			WebSocket socket = open("/ws/visitor", null, "a-");
			send(socket, "{\"type\":\"hello\",\"token\":\"" + conversation.visitorToken() + "\"}");
			this.visitors.add(socket);
		}
		Thread.sleep(1000);
		return this;
	}

	/** One step of steady load. */
	record Result(double offered, double delivered, Histogram latency, int errors, double serverCores) {
	}

	/**
	 * Every conversation's two sides send at {@code total / (2 * conversations)} messages
	 * per second each; after the warm-up, measures for the given time.
	 */
	Result run(double total, Duration warmup, Duration measure) throws Exception {
		int n = this.setup.conversations().size();
		long periodNanos = (long) (1e9 * 2 * n / total);
		List<ScheduledFuture<?>> tasks = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Target.Conversation conversation = this.setup.conversations().get(i);
			WebSocket visitor = this.visitors.get(i);
			WebSocket agent = this.agents.get(conversation.agent());
			long offset = periodNanos * i / n;
			tasks.add(this.timer.scheduleAtFixedRate(() -> {
				sendMessage(visitor, conversation.id(), "v-");
				sendMessage(agent, conversation.id(), "a-");
			}, offset, periodNanos, TimeUnit.NANOSECONDS));
		}
		Thread.sleep(warmup.toMillis());
		this.recorder.getIntervalHistogram();
		long deliveredBefore = this.delivered.get();
		int errorsBefore = this.errors.get();
		double cpuBefore = this.target.server().cpuSeconds();
		long start = System.nanoTime();
		Thread.sleep(measure.toMillis());
		double seconds = (System.nanoTime() - start) / 1e9;
		Histogram latency = this.recorder.getIntervalHistogram();
		double cores = (this.target.server().cpuSeconds() - cpuBefore) / seconds;
		long count = this.delivered.get() - deliveredBefore;
		int errorCount = this.errors.get() - errorsBefore;
		tasks.forEach((task) -> task.cancel(false));
		// let what is in flight arrive before the next step
		Thread.sleep(1000);
		this.sentAt.clear();
		return new Result(total, count / seconds, latency, errorCount, cores);
	}

	private void sendMessage(WebSocket socket, long conversation, String prefix) {
		String clientId = prefix + conversation + "-" + this.sequence.incrementAndGet();
		String frame = "{\"type\":\"send\",\"conversationId\":" + conversation + ",\"clientId\":\"" + clientId
				+ "\",\"text\":\"load message " + clientId + "\"}";
		this.sentAt.put(clientId, System.nanoTime());
		send(socket, frame);
	}

	private void send(WebSocket socket, String frame) {
		// one frame at a time per socket, as the WebSocket API requires
		synchronized (socket) {
			try {
				socket.sendText(frame, true).join();
			}
			catch (RuntimeException ex) {
				this.errors.incrementAndGet();
			}
		}
	}

	private WebSocket open(String path, String cookie, String countsFrom) {
		WebSocket.Builder builder = this.http.newWebSocketBuilder();
		if (cookie != null) {
			builder.header("Cookie", cookie);
		}
		return builder.buildAsync(URI.create(this.target.wsBase() + path), new WebSocket.Listener() {

			private final StringBuilder partial = new StringBuilder();

			@Override
			public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
				this.partial.append(data);
				if (last) {
					received(this.partial.toString(), countsFrom);
					this.partial.setLength(0);
				}
				webSocket.request(1);
				return null;
			}

		}).join();
	}

	/**
	 * Counts a message from the other side; a cheap scan, so the generator stays light.
	 */
	private void received(String frame, String countsFrom) {
		long now = System.nanoTime();
		if (frame.startsWith("{\"type\":\"error\"") || frame.contains("\"type\":\"error\"")) {
			this.errors.incrementAndGet();
			return;
		}
		int at = frame.indexOf("\"clientId\":\"" + countsFrom);
		if (at < 0) {
			return;
		}
		int from = at + "\"clientId\":\"".length();
		String clientId = frame.substring(from, frame.indexOf('"', from));
		Long sent = this.sentAt.remove(clientId);
		if (sent != null) {
			this.recorder.recordValue(now - sent);
			this.delivered.incrementAndGet();
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
		this.visitors.forEach(WebSocket::abort);
		this.agents.forEach(WebSocket::abort);
	}

}
