package dev.parley.operations.internal.logs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import dev.parley.platform.ClusterNodes;
import dev.parley.platform.ClusterNodes.Node;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.util.unit.DataSize;

/**
 * The log viewer over about ten million lines (docs/performance.md, "Monitoring, logs and
 * faults"): writes a week of ECS JSON lines of the four types, rolled at 10 MB and at
 * midnight UTC as Parley's appenders name them ({@code access.json},
 * {@code access.2026-12-01.0.json} ...), into a directory (kept, and reused when it
 * already holds the files), then times the viewer's queries through Parley's own classes:
 * {@link LogQueries#parse} turns the console's parameters into a query and
 * {@link LogSearch#search} (the {@link LogViewer} of a single node, reading with the
 * default 3 s budget) answers it. Not a JMH benchmark: each query runs for up to its
 * budget, and whether the budget cut it short ({@code complete:false}) is part of the
 * result.
 *
 * <pre>
 * java -cp "bench/micro/target/classes:bench/micro/target/lib/*" \
 *   dev.parley.operations.internal.logs.LogViewerBench [directory] [lines] [runs]
 * </pre>
 */
public final class LogViewerBench {

	private static final long MAX_FILE = DataSize.ofMegabytes(10).toBytes();

	private static final String[] PATHS = { "/api/v1/conversations", "/api/v1/conversations/{id}/messages",
			"/api/v1/tickets", "/api/v1/tickets/{id}", "/api/v1/customers", "/api/v1/session", "/api/v1/widget/arrive",
			"/api/v1/reports/overview", "/api/v1/operations/status", "/api/v1/agents/me/status" };

	private static final String[] LOGGERS = { "dev.parley.conversations.internal.Writer",
			"dev.parley.agents.internal.Router", "dev.parley.tickets.internal.sla.SlaSweep",
			"dev.parley.notifications.internal.Mailer", "dev.parley.conversations.realtime.Gateway",
			"dev.parley.analytics.internal.Folder", "org.hibernate.engine.jdbc.spi.SqlExceptionHelper" };

	private static final String[] INFO_MESSAGES = { "Conversation %d assigned to agent %d (least busy)",
			"Visitor %d arrived on channel %d", "Conversation %d closed by agent %d", "Folded %d transcripts in %d ms",
			"Sent %d notification e-mails for ticket %d", "Agent %d signed in from socket %d" };

	private static final String[] WARN_MESSAGES = { "Mail server timed out after %d ms, retrying ticket %d",
			"Socket %d closed while sending frame %d", "SLA warning for ticket %d: %d minutes left" };

	private static final String STACK = "\\n\\tat dev.parley.notifications.internal.Mailer.send(Mailer.java:142)"
			+ "\\n\\tat dev.parley.notifications.internal.Outbox.drain(Outbox.java:88)"
			+ "\\n\\tat java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:539)"
			+ "\\n\\tat java.base/java.util.concurrent.FutureTask.runAndReset(FutureTask.java:305)"
			+ "\\n\\tat java.base/java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask.run(ScheduledThreadPoolExecutor.java:305)"
			+ "\\n\\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)"
			+ "\\n\\tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)"
			+ "\\n\\tat java.base/java.lang.Thread.run(Thread.java:840)"
			+ "\\nCaused by: java.net.SocketTimeoutException: Read timed out"
			+ "\\n\\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)"
			+ "\\n\\tat java.base/java.net.Socket$SocketInputStream.read(Socket.java:966)\\n\\t... 12 more";

	private LogViewerBench() {
	}

	public static void main(String[] args) throws IOException {
		Path directory = Path.of((args.length > 0) ? args[0] : "/tmp/parley-logbench");
		long lines = (args.length > 1) ? Long.parseLong(args[1]) : 10_000_000;
		int runs = (args.length > 2) ? Integer.parseInt(args[2]) : 20;
		Instant end = Instant.now();
		Path stamp = directory.resolve("generated");
		if (Files.exists(stamp)) {
			end = Instant.parse(Files.readString(stamp).strip());
			System.out.printf("Reusing %s (written up to %s)%n", directory, end);
		}
		else {
			long started = System.nanoTime();
			Files.createDirectories(directory);
			Map<LogType, Long> written = write(directory, lines, end.minus(Duration.ofDays(7)), end);
			Files.writeString(stamp, end.toString());
			System.out.printf("Wrote %s in %.1f s%n", written, (System.nanoTime() - started) / 1e9);
		}
		describe(directory);
		LogsProperties properties = new LogsProperties(directory, DataSize.ofMegabytes(10), Duration.ofDays(14),
				DataSize.ofGigabytes(1), Duration.ofMillis(500), Duration.ofDays(7), Duration.ofSeconds(3));
		LogQueries queries = new LogQueries(properties);
		Node node = new Node("node-1", "localhost", "bench", end, end, true);
		ClusterNodes nodes = new ClusterNodes() {
			@Override
			public Node thisNode() {
				return node;
			}

			@Override
			public List<Node> alive() {
				return List.of(node);
			}

			@Override
			public List<Node> recent() {
				return List.of(node);
			}
		};
		LogSearch search = new LogViewer(new LogsConfiguration.LogDirectory(directory), properties,
				JsonMapper.builder().build(), nodes, new DefaultListableBeanFactory().getBeanProvider(LogPeers.class));
		// a request of about half an hour before the end, one of about half a day before
		String recentId = correlationId(directory, end.minus(Duration.ofMinutes(30)));
		String dayId = correlationId(directory, end.minus(Duration.ofHours(12)));
		Instant middle = end.minus(Duration.ofHours(84));
		Instant dayAgo = end.minus(Duration.ofDays(1));
		List<Case> cases = List.of(
				new Case("newest 100, unfiltered (the last hour, as the console opens)",
						parameters(null, end, null, null, false, null, 100)),
				new Case("level ERROR over a day", parameters(dayAgo, end, List.of("ERROR"), null, false, null, 200)),
				new Case("text \"timed out\" over a day", parameters(dayAgo, end, null, "timed out", false, null, 200)),
				new Case("regex over a day (5xx answers of the messages path)",
						parameters(dayAgo, end, null, "^POST /api/v1/conversations/\\S+/messages 5\\d\\d ", true, null,
								200)),
				new Case("correlation id, the last hour (the console's link)",
						parameters(null, end, null, null, false, recentId, 200)),
				new Case("correlation id over a day", parameters(dayAgo, end, null, null, false, dayId, 200)),
				new Case("2 minutes in the middle of the week (the console's \"around\")",
						parameters(middle.minus(Duration.ofMinutes(1)), middle.plus(Duration.ofMinutes(1)), null, null,
								false, null, 1000)));
		System.out.printf("%-66s %9s %9s %9s %7s %s%n", "query", "p50 ms", "p99 ms", "max ms", "lines", "incomplete");
		for (Case query : cases) {
			LogQuery parsed = queries.parse(query.parameters(), LogQueries.MAX_DOWNLOAD);
			for (int i = 0; i < 3; i++) {
				search.search(parsed);
			}
			long[] times = new long[runs];
			int incomplete = 0;
			int found = 0;
			for (int i = 0; i < runs; i++) {
				long started = System.nanoTime();
				LogResult result = search.search(parsed);
				times[i] = System.nanoTime() - started;
				found = result.lines().size();
				incomplete += result.complete() ? 0 : 1;
			}
			Arrays.sort(times);
			System.out.printf("%-66s %9.1f %9.1f %9.1f %7d %d of %d%n", query.name(), percentile(times, 50) / 1e6,
					percentile(times, 99) / 1e6, times[runs - 1] / 1e6, found, incomplete, runs);
		}
	}

	private static LogQueries.Parameters parameters(Instant since, Instant until, List<String> level, String text,
			boolean regex, String correlationId, int limit) {
		return new LogQueries.Parameters(since, until, level, null, null, null, text, regex, correlationId, limit);
	}

	/** Nearest rank. */
	private static long percentile(long[] sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	/**
	 * Writes {@code count} lines evenly from {@code from} to {@code to}: 80% access, 14%
	 * application (of which 3% WARN and 0.2% ERROR with a stack trace), 5% security, 1%
	 * slow queries. An application line shares the correlation id of the request before
	 * it.
	 */
	static Map<LogType, Long> write(Path directory, long count, Instant from, Instant to) throws IOException {
		SplittableRandom random = new SplittableRandom(16);
		Map<LogType, Roller> files = new EnumMap<>(LogType.class);
		for (LogType type : LogType.values()) {
			files.put(type, new Roller(directory, type));
		}
		long step = Duration.between(from, to).toNanos() / count;
		String correlation = "0000000000000000";
		StringBuilder line = new StringBuilder(4096);
		for (long i = 0; i < count; i++) {
			Instant at = from.plusNanos(i * step + random.nextLong(step));
			int pick = random.nextInt(100);
			LogType type = (pick < 80) ? LogType.ACCESS
					: (pick < 94) ? LogType.APPLICATION : (pick < 99) ? LogType.SECURITY : LogType.SLOW_QUERY;
			line.setLength(0);
			line.append("{\"@timestamp\":\"").append(at).append("\",\"log\":{\"level\":\"");
			String thread = "http-nio-8080-exec-" + (1 + random.nextInt(200));
			switch (type) {
				case ACCESS -> {
					correlation = Long.toHexString(random.nextLong() | Long.MIN_VALUE);
					String path = PATHS[random.nextInt(PATHS.length)].replace("{id}",
							Integer.toString(random.nextInt(1_000_000)));
					boolean post = path.endsWith("messages") || path.endsWith("arrive");
					int status = (random.nextInt(10_000) < 5) ? 500 : (random.nextInt(100) < 3) ? 404 : 200;
					int millis = 1 + random.nextInt(random.nextInt(100) < 2 ? 2000 : 40);
					String method = post ? "POST" : "GET";
					line.append("INFO\",\"logger\":\"parley.access\"},");
					process(line, thread);
					line.append("\"message\":\"")
						.append(method)
						.append(' ')
						.append(path)
						.append(' ')
						.append(status)
						.append(' ')
						.append(millis)
						.append(" ms\",\"correlation\":{\"id\":\"")
						.append(correlation)
						.append("\"},\"http\":{\"request\":{\"method\":\"")
						.append(method)
						.append("\"},\"response\":{\"status_code\":")
						.append(status)
						.append("}},\"url\":{\"path\":\"")
						.append(path)
						.append("\"},\"event\":{\"duration\":")
						.append(millis * 1_000_000L)
						.append("},");
				}
				case APPLICATION -> {
					int kind = random.nextInt(1000);
					String level = (kind < 2) ? "ERROR" : (kind < 32) ? "WARN" : "INFO";
					String[] messages = (kind < 32) ? WARN_MESSAGES : INFO_MESSAGES;
					String message = String.format(messages[random.nextInt(messages.length)], random.nextInt(100_000),
							random.nextInt(1_000));
					line.append(level)
						.append("\",\"logger\":\"")
						.append(LOGGERS[random.nextInt(LOGGERS.length)])
						.append("\"},");
					process(line, thread);
					line.append("\"message\":\"")
						.append((kind < 2)
								? "Could not send the notification e-mail for ticket " + random.nextInt(100_000)
								: message)
						.append("\",\"correlation\":{\"id\":\"")
						.append(correlation)
						.append("\"},");
					if (kind < 2) {
						line.append("\"error\":{\"type\":\"org.springframework.mail.MailSendException\",")
							.append("\"message\":\"Mail server connection failed; Read timed out\",")
							.append("\"stack_trace\":\"org.springframework.mail.MailSendException: ")
							.append("Mail server connection failed; Read timed out")
							.append(STACK)
							.append("\"},");
					}
				}
				case SECURITY -> {
					boolean failed = random.nextInt(20) == 0;
					String user = "agent" + random.nextInt(500);
					line.append(failed ? "WARN" : "INFO").append("\",\"logger\":\"parley.security\"},");
					process(line, thread);
					line.append("\"message\":\"")
						.append(failed ? "sign-in.failed " : "sign-in.succeeded ")
						.append(user)
						.append("\",\"correlation\":{\"id\":\"")
						.append(correlation)
						.append("\"},\"event\":{\"action\":\"")
						.append(failed ? "sign-in.failed" : "sign-in.succeeded")
						.append("\",\"outcome\":\"")
						.append(failed ? "failure" : "success")
						.append("\"},\"user\":{\"name\":\"")
						.append(user)
						.append("\"},\"source\":{\"ip\":\"127.0.0.1\"},");
				}
				case SLOW_QUERY -> {
					int millis = 500 + random.nextInt(3000);
					line.append("WARN\",\"logger\":\"parley.slow-query\"},");
					process(line, thread);
					line.append("\"message\":\"Slow query ")
						.append(millis)
						.append(" ms by dev.parley.tickets.internal.TicketSearch.find:211: ")
						.append("select t.id, t.subject, t.status, t.priority from ticket t ")
						.append("where t.group_id in (?, ?, ?) and t.status = ? order by t.updated_at desc limit ?\",")
						.append("\"correlation\":{\"id\":\"")
						.append(correlation)
						.append("\"},\"event\":{\"duration\":")
						.append(millis * 1_000_000L)
						.append("},\"code\":{\"caller\":\"dev.parley.tickets.internal.TicketSearch.find:211\"},");
				}
			}
			line.append("\"ecs\":{\"version\":\"8.11\"}}\n");
			files.get(type).write(at, line);
		}
		Map<LogType, Long> written = new EnumMap<>(LogType.class);
		for (Map.Entry<LogType, Roller> file : files.entrySet()) {
			written.put(file.getKey(), file.getValue().close());
		}
		return written;
	}

	private static void process(StringBuilder line, String thread) {
		line.append("\"process\":{\"pid\":4242,\"thread\":{\"name\":\"")
			.append(thread)
			.append("\"}},\"service\":{\"name\":\"parley\",\"node\":{}},");
	}

	private static String correlationId(Path directory, Instant near) throws IOException {
		String day = near.atZone(ZoneOffset.UTC).toLocalDate().toString();
		List<Path> candidates = new ArrayList<>();
		try (Stream<Path> listing = Files.list(directory)) {
			listing.filter((path) -> path.getFileName().toString().startsWith("access."))
				.filter((path) -> path.getFileName().toString().contains(day)
						|| path.getFileName().toString().equals("access.json"))
				.forEach(candidates::add);
		}
		for (Path file : candidates) {
			try (Stream<String> lines = Files.lines(file)) {
				String found = lines.filter((raw) -> {
					Instant at = LogReader.timestamp(raw);
					return at != null && !at.isBefore(near) && at.isBefore(near.plusSeconds(1));
				}).findFirst().orElse(null);
				if (found != null) {
					int start = found.indexOf("\"correlation\":{\"id\":\"") + 21;
					return found.substring(start, found.indexOf('"', start));
				}
			}
		}
		throw new IllegalStateException("No access line near " + near);
	}

	private static void describe(Path directory) throws IOException {
		Map<LogType, long[]> sizes = new EnumMap<>(LogType.class);
		try (Stream<Path> listing = Files.list(directory)) {
			for (Path path : (Iterable<Path>) listing::iterator) {
				for (LogType type : LogType.values()) {
					if (path.getFileName().toString().startsWith(type.id() + ".")) {
						long[] size = sizes.computeIfAbsent(type, (t) -> new long[2]);
						size[0]++;
						size[1] += Files.size(path);
					}
				}
			}
		}
		long total = 0;
		for (Map.Entry<LogType, long[]> size : sizes.entrySet()) {
			System.out.printf("%-12s %5d files %,15d bytes%n", size.getKey().id(), size.getValue()[0],
					size.getValue()[1]);
			total += size.getValue()[1];
		}
		System.out.printf("%-12s %,27d bytes%n", "all", total);
	}

	private record Case(String name, LogQueries.Parameters parameters) {
	}

	/**
	 * The files of one type as Logback's size-and-time policy leaves them: a new file at
	 * each midnight UTC and every 10 MB; the newest is {@code <type>.json}.
	 */
	private static final class Roller {

		private final Path directory;

		private final LogType type;

		private BufferedWriter writer;

		private Path path;

		private LocalDate day;

		private int index;

		private long bytes;

		private long lines;

		Roller(Path directory, LogType type) {
			this.directory = directory;
			this.type = type;
		}

		void write(Instant at, CharSequence line) throws IOException {
			LocalDate lineDay = at.atZone(ZoneOffset.UTC).toLocalDate();
			if (this.writer == null || !lineDay.equals(this.day) || this.bytes >= MAX_FILE) {
				this.index = (this.writer != null && lineDay.equals(this.day)) ? this.index + 1 : 0;
				roll(lineDay);
			}
			this.writer.append(line);
			this.bytes += line.length();
			this.lines++;
		}

		private void roll(LocalDate lineDay) throws IOException {
			if (this.writer != null) {
				this.writer.close();
			}
			this.day = lineDay;
			this.bytes = 0;
			this.path = this.directory.resolve(this.type.id() + "." + this.day + "." + this.index + ".json");
			this.writer = Files.newBufferedWriter(this.path, StandardCharsets.UTF_8);
		}

		long close() throws IOException {
			if (this.writer != null) {
				this.writer.close();
				Files.move(this.path, this.directory.resolve(this.type.id() + ".json"));
			}
			return this.lines;
		}

	}

}
