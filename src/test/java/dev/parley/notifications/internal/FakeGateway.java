package dev.parley.notifications.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An SMS provider on a random port of this host: records every request exactly as it
 * arrives and answers with what the test scripted (200 {} when nothing is).
 */
final class FakeGateway implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();

	/** Released when the test ends, so a stalled answer never outlives it. */
	private final CountDownLatch released = new CountDownLatch(1);

	FakeGateway() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** A request as the gateway saw it; header names in lower case. */
	record Received(String method, String pathAndQuery, Map<String, String> headers, String body) {
	}

	record Answer(int status, String body, boolean stall) {
	}

	String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	FakeGateway answer(int status, String body) {
		this.answers.add(new Answer(status, body, false));
		return this;
	}

	/** The next request gets no answer until the test ends. */
	FakeGateway stall() {
		this.answers.add(new Answer(200, "{}", true));
		return this;
	}

	List<Received> received() {
		return this.received;
	}

	Received last() {
		return this.received.get(this.received.size() - 1);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Map<String, String> headers = new TreeMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
		this.received.add(new Received(exchange.getRequestMethod(),
				exchange.getRequestURI().getRawPath() + ((exchange.getRequestURI().getRawQuery() != null)
						? "?" + exchange.getRequestURI().getRawQuery() : ""),
				headers, body));
		Answer answer = this.answers.poll();
		if (answer == null) {
			answer = new Answer(200, "{}", false);
		}
		if (answer.stall()) {
			try {
				this.released.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer.status(), (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.released.countDown();
		this.server.stop(0);
	}

}
