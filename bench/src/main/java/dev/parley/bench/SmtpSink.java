package dev.parley.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The smallest SMTP server that accepts every message and counts it: the receiving end of
 * the notification benchmark, so the figure is Parley's and not a mail server's. It can
 * hold its greeting back ({@link #hold()}) while Parley piles up notifications, then
 * greet every waiting connection at once ({@link #release()}).
 */
final class SmtpSink implements AutoCloseable {

	private final ServerSocket listener;

	private final AtomicInteger received = new AtomicInteger();

	private final AtomicLong lastAt = new AtomicLong();

	private volatile CountDownLatch gate = new CountDownLatch(0);

	SmtpSink() throws IOException {
		this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
		daemon(this::accept);
	}

	int port() {
		return this.listener.getLocalPort();
	}

	int received() {
		return this.received.get();
	}

	/** When the last message was accepted ({@link System#nanoTime()}). */
	long lastAt() {
		return this.lastAt.get();
	}

	void hold() {
		this.gate = new CountDownLatch(1);
	}

	void release() {
		this.gate.countDown();
	}

	private static void daemon(Runnable task) {
		Thread thread = new Thread(task, "smtp-sink");
		thread.setDaemon(true);
		thread.start();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket socket = this.listener.accept();
				daemon(() -> serve(socket));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			this.gate.await();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			reply(out, "220 sink ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (command) {
					case "EHLO", "HELO" -> reply(out, "250 sink");
					case "DATA" -> {
						reply(out, "354 go on");
						String data;
						while ((data = in.readLine()) != null && !data.equals(".")) {
							// the message is not kept
						}
						this.received.incrementAndGet();
						this.lastAt.set(System.nanoTime());
						reply(out, "250 2.0.0 queued");
					}
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "250 ok");
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			// the client went away
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
	}

}
