package dev.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.HdrHistogram.Histogram;

/**
 * The notification benchmark (docs/performance.md): Parley on H2 sends the
 * acknowledgement of left messages to a local SMTP sink.
 * <ol>
 * <li>Drain: the sink holds its greeting while visitors leave {@code count} messages
 * (each stores one e-mail in the outbox) until the outbox holds them all, then greets;
 * the figure is e-mails accepted by the sink per second from that moment to the last one
 * (the SMTP client waits 15 s for a greeting: keep {@code count} at about 1000).</li>
 * <li>Live: visitors leave {@code count} more messages at full speed while the sink
 * answers; the figures are the widget call's latency and the e-mails per second from the
 * first call to the last e-mail.</li>
 * </ol>
 * {@code java -cp bench/target/parley-bench.jar dev.parley.bench.MailDrain --parley-jar
 * target/parley-*.jar [--count 2000]}
 */
public final class MailDrain {

	private MailDrain() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = null;
		int count = 1000;
		List<String> serverJvm = new ArrayList<>(List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=10"));
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--parley-jar" -> jar = Path.of(args[++i]);
				case "--count" -> count = Integer.parseInt(args[++i]);
				// e.g. -XX:StartFlightRecording=filename=/tmp/drain.jfr
				case "--server-jvm" -> serverJvm.add(args[++i]);
				default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
			}
		}
		if (jar == null) {
			throw new IllegalArgumentException("--parley-jar is required");
		}
		Path logs = Files.createTempDirectory("mail-drain");
		try (SmtpSink sink = new SmtpSink();
				ParleyTarget parley = ParleyTarget.start(jar, "h2", List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=10"),
						logs)) {
			Http admin = parley.admin();
			admin.put("/api/v1/mail-account",
					Map.of("smtpEnabled", true, "smtpHost", "127.0.0.1", "smtpPort", sink.port(), "smtpSecurity",
							"none", "fromAddress", "bench@parley.test", "imapEnabled", false, "imapSecurity", "none"));
			String channel = admin
				.post("/api/v1/channels",
						Map.of("kind", "website", "name", "mail-bench", "allowedOrigins", List.of("*")))
				.path("key")
				.asString();

			// visitors arrive first: the SMTP client waits at most 15 s for the held
			// greeting
			List<String> held = arrive(admin, channel, count);
			List<String> live = arrive(admin, channel, count);
			sink.hold();
			leave(admin, held, "held");
			// every e-mail stored in the outbox (the module listeners have run) before
			// the sink answers: the figure is sending alone
			awaitBacklog(admin, count);
			long released = System.nanoTime();
			sink.release();
			await(sink, count);
			double drainSeconds = (sink.lastAt() - released) / 1e9;

			long start = System.nanoTime();
			Histogram calls = leave(admin, live, "live");
			await(sink, 2 * count);
			double liveSeconds = (sink.lastAt() - start) / 1e9;

			System.out.printf("drain: %d e-mails in %.2f s = %.0f e-mails/s%n", count, drainSeconds,
					count / drainSeconds);
			System.out.printf(
					"live: %d left messages and their e-mails in %.2f s = %.0f e-mails/s; "
							+ "leave-message call p50 %.1f ms, p99 %.1f ms%n",
					count, liveSeconds, count / liveSeconds, calls.getValueAtPercentile(50) / 1000.0,
					calls.getValueAtPercentile(99) / 1000.0);
			System.out.println("server log: " + logs);
		}
	}

	private static List<String> arrive(Http admin, String channel, int count) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<String>> arrivals = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			arrivals
				.add(pool.submit(() -> admin.post("/api/v1/widget/channels/" + channel + "/visitors", Map.of(), "none")
					.path("token")
					.asString()));
		}
		List<String> tokens = new ArrayList<>();
		for (Future<String> arrival : arrivals) {
			tokens.add(arrival.get());
		}
		pool.shutdown();
		return tokens;
	}

	/** Each visitor leaves one message, from 8 threads; the calls' latencies. */
	private static Histogram leave(Http admin, List<String> tokens, String tag) throws Exception {
		Histogram latency = new Histogram(3);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> left = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			String token = tokens.get(i);
			String email = tag + "-" + i + "@bench.test";
			left.add(pool.submit(() -> {
				long began = System.nanoTime();
				admin.post("/api/v1/widget/messages",
						Map.of("clientId", "left-1", "email", email, "text", "Please call me back"), token);
				synchronized (latency) {
					latency.recordValue((System.nanoTime() - began) / 1000);
				}
				return null;
			}));
		}
		for (Future<?> call : left) {
			call.get();
		}
		pool.shutdown();
		return latency;
	}

	private static void awaitBacklog(Http admin, int count) throws Exception {
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (admin.get("/actuator/metrics/parley.notifications.backlog")
			.path("measurements")
			.path(0)
			.path("value")
			.asDouble() < count) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The outbox never held " + count + " e-mails");
			}
			Thread.sleep(20);
		}
	}

	private static void await(SmtpSink sink, int total) throws InterruptedException {
		long deadline = System.nanoTime() + 600_000_000_000L;
		while (sink.received() < total) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Only " + sink.received() + " of " + total + " e-mails arrived");
			}
			Thread.sleep(5);
		}
	}

}
