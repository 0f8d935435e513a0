package dev.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * Measures Parley's backups (docs/performance.md, "Backup and restore"): fills a database
 * of about the given size by direct SQL, then takes logical backups (plain, compressed,
 * compressed and encrypted), verifies one, restores it, and on PostgreSQL times
 * {@code pg_dump -Fc} and {@code pg_restore --single-transaction} of the same data; on H2
 * optionally the chat latency with and without hot backups running.
 *
 * <pre>
 * bench/backup [--only h2,postgresql] [--conversations 25000] [--messages 40] [--attachments 600] [--chat]
 *     [--profile] [--server-jvm -Xmx1g]
 * </pre>
 */
public final class BackupBench {

	private final Path parleyJar;

	private final Path out;

	private int conversations = 25_000;

	private int messagesPerConversation = 40;

	private int attachments = 600;

	private boolean chat;

	private boolean profile;

	private final List<String> serverJvm = new ArrayList<>();

	private BackupBench(Path parleyJar, Path out) {
		this.parleyJar = parleyJar;
		this.out = out;
	}

	public static void main(String[] args) throws Exception {
		Path jar = null;
		List<String> only = List.of("h2", "postgresql");
		Path out = Path
			.of("bench", "results",
					"backup-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
			.toAbsolutePath();
		Files.createDirectories(out);
		BackupBench bench = null;
		List<Runnable> settings = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String value = (i + 1 < args.length) ? args[i + 1] : null;
			switch (args[i]) {
				case "--parley-jar" -> jar = Path.of(args[++i]);
				case "--only" -> only = List.of(args[++i].split(","));
				case "--conversations", "--messages", "--attachments" -> {
					String name = args[i];
					int number = Integer.parseInt(value);
					i++;
					settings.add(() -> bench(name, number));
				}
				case "--chat" -> settings.add(() -> chatOn());
				case "--profile" -> settings.add(() -> profileOn());
				// e.g. --server-jvm -Xmx1g
				case "--server-jvm" -> {
					String option = args[++i];
					settings.add(() -> current.serverJvm.add(option));
				}
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		bench = new BackupBench(jar, out);
		current = bench;
		settings.forEach(Runnable::run);
		for (String database : only) {
			bench.measure(database);
		}
		System.out.println("written to " + out);
		System.exit(0);
	}

	private static BackupBench current;

	private static void bench(String name, int number) {
		switch (name) {
			case "--conversations" -> current.conversations = number;
			case "--messages" -> current.messagesPerConversation = number;
			default -> current.attachments = number;
		}
	}

	private static void chatOn() {
		current.chat = true;
	}

	private static void profileOn() {
		current.profile = true;
	}

	private void measure(String database) throws Exception {
		System.out.println("== " + database);
		Path data = Files.createTempDirectory("parley-backup-bench");
		Path logs = this.out.resolve("logs");
		Files.createDirectories(logs);
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		List<String> extra = new ArrayList<>(
				List.of("--parley.backup.encryption-key=" + Base64.getEncoder().encodeToString(key)));
		String h2Url = "jdbc:h2:file:" + data + "/parley;QUERY_CACHE_SIZE=256;WRITE_DELAY=0" + ";AUTO_SERVER=TRUE";
		if (database.equals("h2")) {
			// the default URL plus AUTO_SERVER, so the harness can fill it while Parley
			// runs
			extra.add("--spring.datasource.url=" + h2Url);
		}
		List<String> jvm = new ArrayList<>(List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=10",
				"-Xlog:gc:file=" + logs.resolve("gc-" + database + ".log")));
		jvm.addAll(this.serverJvm);
		if (this.profile) {
			jvm.add("-XX:StartFlightRecording=filename=" + logs.resolve(database + ".jfr"));
		}
		try (ParleyTarget target = ParleyTarget.start(this.parleyJar, database, jvm, logs, data, extra)) {
			String jdbc = database.equals("h2") ? h2Url : "jdbc:postgresql://127.0.0.1:5432/" + target.database();
			String user = database.equals("h2") ? "parley" : "postgres";
			long fillStart = System.nanoTime();
			BackupFill.Filled filled;
			try (Connection connection = DriverManager.getConnection(jdbc, user, "")) {
				filled = new BackupFill(connection, !database.equals("h2")).fill(this.conversations,
						this.messagesPerConversation, this.attachments, 100_000, 2_000_000);
			}
			double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
			long dbBytes = databaseBytes(database, data, jdbc, user);
			System.out.printf(
					"   filled in %.1f s: %d conversations, %d messages, %d attachments (%.1f MB); "
							+ "database %.1f MB%n",
					fillSeconds, filled.conversations(), filled.messages(), filled.attachments(),
					filled.attachmentBytes() / 1e6, dbBytes / 1e6);
			Http admin = target.admin();
			Path directory = data.resolve("backups");
			long[] ids = new long[3];
			boolean[][] variants = { { false, false }, { true, false }, { true, true } };
			for (int v = 0; v < variants.length; v++) {
				strategy(admin, directory, variants[v][0], variants[v][1]);
				ids[v] = backup(target, "LOGICAL", dbBytes,
						(variants[v][0] ? "compressed" : "plain") + (variants[v][1] ? ", encrypted" : ""));
			}
			if (this.chat) {
				// before the restore: H2 still writes out the restore's chunks long after
				// it
				chat(target, directory, dbBytes);
			}
			verify(target, ids[1]);
			restore(target, ids[1], dbBytes);
			System.out.printf("   database after the restore: %.1f MB%n",
					databaseBytes(database, data, jdbc, user) / 1e6);
			if (!database.equals("h2")) {
				pgAnchor(target.database(), dbBytes);
			}
		}
	}

	private static long databaseBytes(String database, Path data, String jdbc, String user) throws Exception {
		if (database.equals("h2")) {
			return Files.size(data.resolve("parley.mv.db"));
		}
		try (Connection connection = DriverManager.getConnection(jdbc, user, "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT pg_database_size(current_database())")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void strategy(Http admin, Path directory, boolean compress, boolean encrypt) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("directory", directory.toString());
		body.put("schedules", Map.of());
		body.put("compress", compress);
		body.put("encrypt", encrypt);
		body.put("keepDaily", 7);
		body.put("keepWeekly", 4);
		body.put("keepMonthly", 6);
		admin.put("/api/v1/operations/backup-strategy", body);
	}

	/** Takes a backup of the given kind and prints its figures; returns its id. */
	private static long backup(ParleyTarget target, String kind, long dbBytes, String label) throws Exception {
		Http admin = target.admin();
		long start = System.nanoTime();
		long id = admin.post("/api/v1/operations/backups", Map.of("kind", kind)).path("id").asLong();
		Poll poll = poll(target, "/api/v1/operations/backups/" + id,
				(b) -> !b.path("status").asString().equals("RUNNING"));
		double wall = (System.nanoTime() - start) / 1e9;
		JsonNode b = poll.last;
		if (!b.path("status").asString().equals("SUCCEEDED")) {
			throw new IllegalStateException("backup " + id + " " + b);
		}
		double seconds = b.path("durationMillis").asLong() / 1000.0;
		long size = b.path("sizeBytes").asLong();
		long rows = b.path("rowCount").asLong();
		System.out.printf(
				"   backup %s %s: %.1f s (wall %.1f s), archive %.1f MB, %d rows; %.1f MB/s of database, %.1f MB/s of "
						+ "archive, %.0f rows/s; peak RSS %.0f MB%n",
				kind, label, seconds, wall, size / 1e6, rows, dbBytes / 1e6 / seconds, size / 1e6 / seconds,
				rows / seconds, poll.peakRss / 1e6);
		return id;
	}

	private static void verify(ParleyTarget target, long id) throws Exception {
		long start = System.nanoTime();
		target.admin().post("/api/v1/operations/backups/" + id + "/verify", Map.of());
		Poll poll = poll(target, "/api/v1/operations/backups/" + id,
				(b) -> !b.path("verification").asString().equals("RUNNING"));
		System.out.printf("   verification of backup %d: %s in %.1f s (%s); peak RSS %.0f MB%n", id,
				poll.last.path("verification").asString(), (System.nanoTime() - start) / 1e9,
				poll.last.path("verificationDetail").asString(), poll.peakRss / 1e6);
	}

	private static void restore(ParleyTarget target, long id, long dbBytes) throws Exception {
		Http admin = target.admin();
		String organisation = admin.get("/api/v1/session").path("organisation").path("name").asString("Parley");
		long start = System.nanoTime();
		long restore = admin.post("/api/v1/operations/backups/" + id + "/restore", Map.of("confirmation", organisation))
			.path("id")
			.asLong();
		Poll poll = poll(target, "/api/v1/operations/restores/" + restore,
				(r) -> !r.path("status").asString().equals("RUNNING"));
		double seconds = (System.nanoTime() - start) / 1e9;
		JsonNode r = poll.last;
		if (!r.path("status").asString().equals("SUCCEEDED")) {
			throw new IllegalStateException("restore " + restore + " " + r);
		}
		System.out.printf("   restore of backup %d: %.1f s (wall), %.1f MB/s of database; peak RSS %.0f MB%n", id,
				seconds, dbBytes / 1e6 / seconds, poll.peakRss / 1e6);
		System.out.println("   restore progress (seconds since the request, table): " + poll.progress);
	}

	/**
	 * pg_dump -Fc and pg_restore --single-transaction into an empty database, compressed
	 * and not.
	 */
	private static void pgAnchor(String database, long dbBytes) throws Exception {
		for (String level : List.of("default", "0")) {
			Path dump = Files.createTempFile("parley-bench", ".dump");
			List<String> command = new ArrayList<>(List.of("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-Fc"));
			if (!level.equals("default")) {
				command.add("-Z" + level);
			}
			command.addAll(List.of("-f", dump.toString(), database));
			long start = System.nanoTime();
			run(command.toArray(String[]::new));
			double dumpSeconds = (System.nanoTime() - start) / 1e9;
			String copy = database + "_restored";
			run("psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", "CREATE DATABASE " + copy);
			start = System.nanoTime();
			run("pg_restore", "-h", "127.0.0.1", "-U", "postgres", "--single-transaction", "-d", copy, dump.toString());
			double restoreSeconds = (System.nanoTime() - start) / 1e9;
			System.out.printf(
					"   pg_dump -Fc (compression %s): %.1f s, %.1f MB file, %.1f MB/s of database; "
							+ "pg_restore --single-transaction: %.1f s, %.1f MB/s%n",
					level, dumpSeconds, Files.size(dump) / 1e6, dbBytes / 1e6 / dumpSeconds, restoreSeconds,
					dbBytes / 1e6 / restoreSeconds);
			run("psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", "DROP DATABASE " + copy);
			Files.delete(dump);
		}
	}

	private static void run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("failed: " + String.join(" ", command));
		}
	}

	/**
	 * Chat latency at 1,000 messages/s without, then with hot backups running throughout.
	 */
	private void chat(ParleyTarget target, Path directory, long dbBytes) throws Exception {
		strategy(target.admin(), directory, true, false);
		try (Load load = new Load(target, target.conversations(100, 5)).connect()) {
			load.run(1000, Duration.ofSeconds(30), Duration.ofSeconds(2));
			for (int round = 1; round <= 2; round++) {
				chatRound(target, load, round, dbBytes);
			}
		}
	}

	/** 20 s without a backup, then 20 s with hot backups running one after the other. */
	private static void chatRound(ParleyTarget target, Load load, int round, long dbBytes) throws Exception {
		Load.Result without = load.run(1000, Duration.ofSeconds(2), Duration.ofSeconds(20));
		print("without a backup (round " + round + ")", without);
		AtomicBoolean stop = new AtomicBoolean();
		Thread backups = new Thread(() -> {
			try {
				while (!stop.get()) {
					long id = backup(target, "HOT", dbBytes, "during chat");
					target.admin().delete("/api/v1/operations/backups/" + id);
				}
			}
			catch (Exception ex) {
				ex.printStackTrace();
			}
		});
		backups.start();
		Load.Result with = load.run(1000, Duration.ofSeconds(2), Duration.ofSeconds(20));
		stop.set(true);
		print("with hot backups running (round " + round + ")", with);
		backups.join();
	}

	private static void print(String label, Load.Result result) {
		System.out.printf(
				"   chat 1,000 msg/s %s: delivered %.0f/s, p50 %.2f p99 %.2f p99.9 %.2f max %.2f ms, %d errors, "
						+ "%.2f cores%n",
				label, result.delivered(), result.latency().getValueAtPercentile(50) / 1e6,
				result.latency().getValueAtPercentile(99) / 1e6, result.latency().getValueAtPercentile(99.9) / 1e6,
				result.latency().getMaxValue() / 1e6, result.errors(), result.serverCores());
	}

	private static final class Poll {

		JsonNode last;

		long peakRss;

		final Map<String, String> progress = new LinkedHashMap<>();

	}

	private static Poll poll(ParleyTarget target, String path, Predicate<JsonNode> done) throws Exception {
		Poll poll = new Poll();
		long start = System.nanoTime();
		while (true) {
			poll.peakRss = Math.max(poll.peakRss, target.server().rssBytes());
			JsonNode state;
			try {
				state = target.admin().get(path);
			}
			catch (RuntimeException ex) {
				// e.g. the session replaced by a restore: sign in again
				target.admin().login("admin", ParleyTarget.ADMIN_PASSWORD);
				continue;
			}
			String progress = state.path("progress").asString("");
			if (!progress.isEmpty() && !poll.progress.containsKey(progress)) {
				poll.progress.put(progress, String.format("%.1f", (System.nanoTime() - start) / 1e9));
			}
			poll.last = state;
			if (done.test(state)) {
				return poll;
			}
			Thread.sleep(100);
		}
	}

}
