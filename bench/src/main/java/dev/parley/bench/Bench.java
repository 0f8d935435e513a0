package dev.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Runs the standard scenarios against the baseline relay and Parley (embedded H2 and
 * PostgreSQL), one server at a time on this machine, and prints the table of figures side
 * by side; writes it with a chart to {@code bench/results/}. See docs/performance.md.
 *
 * <pre>
 * bench/run [--quick] [--only relay,h2,postgresql] [--scenarios 1,2,3,4] [--server-jvm -XX:...] [--profile file.jfr]
 * </pre>
 */
public final class Bench {

	private final Path parleyJar;

	private final Path benchJar;

	private final Path out;

	private final boolean quick;

	private final List<String> serverJvm;

	private final Report report = new Report();

	private Path profile;

	private List<String> scenarios = List.of("1", "2", "3", "4");

	private Bench(Path parleyJar, Path benchJar, Path out, boolean quick, List<String> serverJvm) {
		this.serverJvm = serverJvm;
		this.parleyJar = parleyJar;
		this.benchJar = benchJar;
		this.out = out;
		this.quick = quick;
	}

	public static void main(String[] args) throws Exception {
		Path parleyJar = null;
		boolean quick = false;
		Path profile = null;
		List<String> only = List.of("relay", "h2", "postgresql");
		List<String> scenarios = List.of("1", "2", "3", "4");
		// as docs/operations.md recommends for a chat node (the same for the relay)
		List<String> serverJvm = new ArrayList<>(List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=10"));
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--parley-jar" -> parleyJar = Path.of(args[++i]);
				case "--quick" -> quick = true;
				case "--only" -> only = List.of(args[++i].split(","));
				// a subset of the scenarios, e.g. 1,2 for a before/after comparison
				case "--scenarios" -> scenarios = List.of(args[++i].split(","));
				// e.g. a flight recording: --server-jvm
				// -XX:StartFlightRecording=filename=p.jfr
				case "--server-jvm" -> serverJvm.add(args[++i]);
				// a flight recording of scenario 2's steady load only (setup left out)
				case "--profile" -> profile = Path.of(args[++i]).toAbsolutePath();
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		if (parleyJar == null || !Files.isRegularFile(parleyJar)) {
			throw new IllegalArgumentException("--parley-jar must name the packaged Parley jar");
		}
		Path benchJar = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path out = Path.of("bench", "results",
				LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		Files.createDirectories(out);
		Bench bench = new Bench(parleyJar, benchJar, out, quick, serverJvm);
		bench.profile = profile;
		bench.scenarios = scenarios;
		for (String target : only) {
			bench.measure(target);
		}
		bench.report.write(out, machine());
		System.out.println(bench.report.table());
		System.out.println("written to " + out);
		System.exit(0);
	}

	private void measure(String which) throws Exception {
		List<String> jvm = this.serverJvm;
		Path logs = this.out.resolve("logs");
		System.out.println("== " + which);
		try (Target target = which.equals("relay") ? RelayTarget.start(this.benchJar, jvm, logs)
				: ParleyTarget.start(this.parleyJar, which, jvm, logs)) {
			if (this.scenarios.contains("1")) {
				latency(target);
			}
			if (this.scenarios.contains("2")) {
				throughput(target);
			}
			if (this.scenarios.contains("3")) {
				idle(target);
			}
			if (this.scenarios.contains("4")) {
				burst(target);
			}
		}
	}

	/** 1. Latency at a moderate steady rate. */
	private void latency(Target target) throws Exception {
		int conversations = 100;
		double rate = 1000;
		try (Load load = new Load(target, target.conversations(conversations, 5)).connect()) {
			// the first scenario on a fresh JVM: warm up (JIT, pools, caches) before
			// measuring
			load.run(rate, Duration.ofSeconds(this.quick ? 10 : 30), Duration.ofSeconds(2));
			Load.Result result = load.run(rate, Duration.ofSeconds(2), Duration.ofSeconds(this.quick ? 8 : 20));
			String scenario = "1. latency, " + conversations + " conversations, " + (int) rate + " msg/s";
			this.report.add(scenario, "p50 (ms)", target.label(), millis(result.latency(), 50), true);
			this.report.add(scenario, "p99 (ms)", target.label(), millis(result.latency(), 99), true);
			this.report.add(scenario, "p99.9 (ms)", target.label(), millis(result.latency(), 99.9), true);
			this.report.add(scenario, "server CPU (cores)", target.label(), result.serverCores(), true);
			System.out.printf("   latency: delivered %.0f/s, p50 %.2f p99 %.2f p99.9 %.2f ms, %d errors, %.2f cores%n",
					result.delivered(), millis(result.latency(), 50), millis(result.latency(), 99),
					millis(result.latency(), 99.9), result.errors(), result.serverCores());
		}
	}

	/** 2. The most persisted messages per second while p99 stays under 100 ms. */
	private void throughput(Target target) throws Exception {
		int conversations = 200;
		double best = 0;
		double bestCores = 0;
		try (Load load = new Load(target, target.conversations(conversations, 5)).connect()) {
			if (this.profile != null) {
				target.server()
					.jcmd("JFR.start name=bench settings=profile filename="
							+ this.profile.resolveSibling(target.server().name() + "-" + this.profile.getFileName()));
			}
			// settle after the setup (sign-ins, 200 arrivals) before the first step
			load.run(500, Duration.ofSeconds(this.quick ? 5 : 10), Duration.ofSeconds(1));
			for (double rate : new double[] { 500, 1000, 2000, 3000, 4000, 6000, 8000, 12000, 16000, 24000, 32000,
					48000 }) {
				Load.Result result = load.run(rate, Duration.ofSeconds(3), Duration.ofSeconds(this.quick ? 5 : 10));
				double p99 = millis(result.latency(), 99);
				boolean kept = p99 <= 100 && result.delivered() >= 0.95 * rate && result.errors() == 0;
				if (!kept) {
					// one more try: a single pause (a collection, the database writing
					// its
					// file) should not end the search
					System.out.printf("   offered %.0f/s: p99 %.1f ms, trying again%n", rate, p99);
					result = load.run(rate, Duration.ofSeconds(3), Duration.ofSeconds(this.quick ? 5 : 10));
					p99 = millis(result.latency(), 99);
					kept = p99 <= 100 && result.delivered() >= 0.95 * rate && result.errors() == 0;
				}
				System.out.printf("   offered %.0f/s: delivered %.0f/s, p99 %.1f ms, %d errors, %.2f cores%s%n", rate,
						result.delivered(), p99, result.errors(), result.serverCores(), kept ? "" : "  <- limit");
				this.report.step(target.label(), rate, result.delivered(), p99);
				if (!kept) {
					break;
				}
				best = result.delivered();
				bestCores = result.serverCores();
			}
			if (this.profile != null) {
				target.server().jcmd("JFR.stop name=bench");
			}
		}
		String scenario = "2. sustained throughput, p99 <= 100 ms";
		this.report.add(scenario, "messages/s", target.label(), best, false);
		this.report.add(scenario, "server CPU at that rate (cores)", target.label(), bestCores, true);
	}

	/** 3. Memory per idle connected visitor. */
	private void idle(Target target) throws Exception {
		int count = this.quick ? 2000 : 10000;
		List<String> tokens = target.visitorTokens(count);
		long heapBefore = target.server().heapAfterGc();
		long rssBefore = target.server().rssBytes();
		// as browsers connect: offering compression (the JDK's client cannot), saying
		// hello
		List<BrowserSocket> sockets = new ArrayList<>();
		int compressed = 0;
		for (int i = 0; i < count; i++) {
			BrowserSocket socket = BrowserSocket.open(target.wsBase(), "/ws/visitor",
					"{\"type\":\"hello\",\"token\":\"" + tokens.get(i) + "\"}");
			sockets.add(socket);
			compressed += socket.deflate() ? 1 : 0;
		}
		Thread.sleep(3000);
		long heapAfter = target.server().heapAfterGc();
		long rssAfter = target.server().rssBytes();
		sockets.forEach(BrowserSocket::close);
		System.out.printf("   idle: compression agreed on %d of %d sockets%n", compressed, count);
		String scenario = "3. idle visitors, " + count + " connected";
		double heapPer = (heapAfter - heapBefore) / 1024.0 / count;
		double rssPer = (rssAfter - rssBefore) / 1024.0 / count;
		if (rssPer < 0) {
			// the full collection before the second reading gave heap back to the system
			System.out.printf("   idle: resident memory fell by %.1f KB per socket: not measurable%n", -rssPer);
			rssPer = Double.NaN;
		}
		this.report.add(scenario, "heap per connection (KB)", target.label(), heapPer, true);
		this.report.add(scenario, "resident memory per connection (KB)", target.label(), rssPer, true);
		System.out.printf("   idle: %d sockets, heap +%.1f KB each, RSS +%.1f KB each%n", count, heapPer, rssPer);
		Thread.sleep(2000);
	}

	/** 4. A burst of arrivals. */
	private void burst(Target target) throws Exception {
		int visitors = this.quick ? 500 : 2000;
		Target.Burst burst = target.burst(visitors, Duration.ofSeconds(10));
		String scenario = "4. burst, " + visitors + " visitors within 10 s";
		this.report.add(scenario, "all queued after (s)", target.label(), burst.queuedSeconds(), true);
		this.report.add(scenario, "all assigned after (s)", target.label(), burst.assignedSeconds(), true);
		System.out.printf("   burst: queued %.1f s, assigned %.1f s, %d errors%n", burst.queuedSeconds(),
				burst.assignedSeconds(), burst.errors());
	}

	private static double millis(Histogram histogram, double percentile) {
		return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
	}

	private static Map<String, String> machine() {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
		facts.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		try {
			for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
				if (line.startsWith("model name")) {
					facts.put("cpu", line.substring(line.indexOf(':') + 1).strip());
					break;
				}
			}
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal")) {
					facts.put("memory", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB");
					break;
				}
			}
		}
		catch (Exception ex) {
			// not Linux: fewer facts
		}
		return facts;
	}

}
