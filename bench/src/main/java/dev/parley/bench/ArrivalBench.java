package dev.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Widget arrivals under the rate limits (docs/performance.md, "Widget arrivals and rate
 * limits"): a burst of new visitors arriving on one channel, spread evenly over the given
 * seconds and over many client addresses (given by {@code X-Forwarded-For}, which Parley
 * takes from the loopback proxy), each a request of its own as a page load of the widget
 * makes it. Prints the answers by status, the refusals by limit and the latency (p50,
 * p99, max) of all answers.
 *
 * <pre>
 * bench/arrivals/run [--arrivals 2000] [--seconds 10] [--addresses 1000] [--limits off] [--only h2]
 * </pre>
 */
public final class ArrivalBench {

	private int arrivals = 2000;

	private int seconds = 10;

	private int addresses = 1000;

	private boolean limits = true;

	private final List<String> serverJvm = new ArrayList<>();

	private ArrivalBench() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = null;
		String database = "h2";
		ArrivalBench bench = new ArrivalBench();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--parley-jar" -> jar = Path.of(args[++i]);
				case "--only" -> database = args[++i];
				case "--arrivals" -> bench.arrivals = Integer.parseInt(args[++i]);
				case "--seconds" -> bench.seconds = Integer.parseInt(args[++i]);
				case "--addresses" -> bench.addresses = Integer.parseInt(args[++i]);
				case "--limits" -> bench.limits = !args[++i].equals("off");
				case "--server-jvm" -> bench.serverJvm.add(args[++i]);
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		Path logs = Files.createTempDirectory("parley-arrival-bench");
		// the default limits (any rate-limit argument keeps ParleyTarget from raising
		// them)
		List<String> extra = List.of("--parley.rate-limits.enabled=" + bench.limits);
		List<String> jvm = new ArrayList<>(List.of("-XX:+UseG1GC"));
		jvm.addAll(bench.serverJvm);
		try (ParleyTarget target = ParleyTarget.start(jar, database, jvm, logs,
				Files.createTempDirectory("parley-arrival-data"), extra)) {
			String key = target.admin()
				.post("/api/v1/channels",
						Map.of("kind", "website", "name", "Arrivals", "allowedOrigins",
								List.of("https://shop.example.com"), "greeting", "Hello!", "prechatEnabled", false))
				.path("key")
				.asString();
			double cpuBefore = target.server().cpuSeconds();
			bench.run(target.httpBase() + "/api/v1/widget/channels/" + key + "/visitors");
			System.out.printf("server CPU during the burst: %.1f s%n", target.server().cpuSeconds() - cpuBefore);
		}
		System.out.println("server logs in " + logs);
		System.exit(0);
	}

	private void run(String url) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		long[] latencies = new long[this.arrivals];
		Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> byLimit = new ConcurrentHashMap<>();
		ConcurrentLinkedQueue<CompletableFuture<Void>> pending = new ConcurrentLinkedQueue<>();
		long intervalNanos = Duration.ofSeconds(this.seconds).toNanos() / this.arrivals;
		long start = System.nanoTime();
		for (int i = 0; i < this.arrivals; i++) {
			long due = start + i * intervalNanos;
			while (System.nanoTime() < due) {
				Thread.onSpinWait();
			}
			int n = i % this.addresses;
			String address = "10." + (n / 65536) % 256 + "." + (n / 256) % 256 + "." + (n % 256);
			HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.header("X-Forwarded-For", address)
				.POST(HttpRequest.BodyPublishers.ofString("{\"pageUrl\":\"https://shop.example.com/\"}"))
				.build();
			int index = i;
			long sent = System.nanoTime();
			pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
				latencies[index] = System.nanoTime() - sent;
				int status = (response != null) ? response.statusCode() : -1;
				byStatus.computeIfAbsent(status, (s) -> new AtomicInteger()).incrementAndGet();
				if (status == 429) {
					String limit = Http.json.readTree(response.body()).path("limit").asString();
					byLimit.computeIfAbsent(limit, (l) -> new AtomicInteger()).incrementAndGet();
				}
				return null;
			}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
		double took = (System.nanoTime() - start) / 1e9;
		Arrays.sort(latencies);
		System.out.printf("%d arrivals from %d addresses in %.1f s (rate limits %s)%n", this.arrivals,
				Math.min(this.addresses, this.arrivals), took, this.limits ? "on" : "off");
		System.out.printf("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", millis(latencies, 0.50),
				millis(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
		System.out.println("answers by status: " + byStatus);
		System.out.println("refusals by limit: " + byLimit);
	}

	private static double millis(long[] sorted, double percentile) {
		int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

}
