package dev.parley.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * The customer list and search benchmark (docs/performance.md, "Finding customers"):
 * fills a fresh database of Parley (embedded H2, or PostgreSQL on 127.0.0.1:5432) with
 * generated customers and conversations ({@link CustomerFill}), then times list and
 * search requests over HTTP, one after the other, as a signed-in administrator, and
 * prints the plans of the SQL Parley sent for each (Parley's {@code CustomerQuery} logs
 * it at DEBUG).
 *
 * <pre>
 * bench/customers/run [--only h2,postgresql] [--customers 1000000] [--conversations 5000000]
 *     [--requests 400] [--server-jvm -Xmx2g] [--wait-quiet 1.0]
 * </pre>
 */
public final class CustomerBench {

	private int customers = 1_000_000;

	private int conversations = 5_000_000;

	private int requests = 400;

	private final List<String> serverJvm = new ArrayList<>();

	/**
	 * Before timing, wait until the machine's one-minute load is below this (0: no wait).
	 */
	private double quietLoad;

	private CustomerBench() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = null;
		List<String> only = List.of("h2", "postgresql");
		CustomerBench bench = new CustomerBench();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--parley-jar" -> jar = Path.of(args[++i]);
				case "--only" -> only = List.of(args[++i].split(","));
				case "--customers" -> bench.customers = Integer.parseInt(args[++i]);
				case "--conversations" -> bench.conversations = Integer.parseInt(args[++i]);
				case "--requests" -> bench.requests = Integer.parseInt(args[++i]);
				case "--server-jvm" -> bench.serverJvm.add(args[++i]);
				case "--wait-quiet" -> bench.quietLoad = Double.parseDouble(args[++i]);
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		Path out = Path
			.of("bench", "results",
					"customers-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
			.toAbsolutePath();
		Files.createDirectories(out);
		for (String database : only) {
			bench.measure(jar, database, out);
		}
		System.out.println("written to " + out);
		System.exit(0);
	}

	private void measure(Path jar, String database, Path out) throws Exception {
		System.out.println("== " + database);
		Path data = Files.createTempDirectory("parley-customer-bench");
		Path logs = out.resolve("logs");
		String h2Url = "jdbc:h2:file:" + data + "/parley;QUERY_CACHE_SIZE=256;WRITE_DELAY=0;AUTO_SERVER=TRUE";
		List<String> extra = new ArrayList<>(
				List.of("--logging.level.dev.parley.customers.internal.CustomerQuery=TRACE"));
		if (database.equals("h2")) {
			// the default URL plus AUTO_SERVER, so the harness can fill it while Parley
			// runs
			extra.add("--spring.datasource.url=" + h2Url);
		}
		List<String> jvm = new ArrayList<>(List.of("-XX:+UseG1GC"));
		jvm.addAll(this.serverJvm);
		try (ParleyTarget target = ParleyTarget.start(jar, database, jvm, logs, data, extra)) {
			String jdbc = database.equals("h2") ? h2Url : "jdbc:postgresql://127.0.0.1:5432/" + target.database();
			String user = database.equals("h2") ? "parley" : "postgres";
			try (Connection connection = DriverManager.getConnection(jdbc, user, "")) {
				long start = System.nanoTime();
				new CustomerFill(connection).fill(this.customers, this.conversations, System.currentTimeMillis());
				System.out.printf("   filled in %.0f s: %d customers, %d conversations%n",
						(System.nanoTime() - start) / 1e9, this.customers, this.conversations);
				// one timing at a time on the machine (two databases measured by two
				// runs)
				try (java.nio.channels.FileChannel lockFile = java.nio.channels.FileChannel.open(
						Path.of(System.getProperty("java.io.tmpdir"), "parley-customer-bench.lock"),
						java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
						java.nio.channels.FileLock lock = lockFile.lock()) {
					waitQuiet();
					time(target, connection, database, logs, out);
				}
			}
		}
	}

	private void time(ParleyTarget target, Connection connection, String database, Path logs, Path out)
			throws Exception {
		Http admin = target.admin();
		long vip = single(connection, "SELECT id FROM customer_level WHERE name = 'VIP'");
		long someone = single(connection, "SELECT MIN(visitor_id) FROM conversation");
		Path log = logs.resolve("parley-" + database + ".log");
		for (Map.Entry<String, String> query : queries(vip, someone).entrySet()) {
			String path = query.getValue();
			if (path.startsWith("next:")) {
				JsonNode first = admin.get(path.substring(5));
				path = path.substring(5) + "&cursor="
						+ URLEncoder.encode(first.path("nextCursor").asString(), StandardCharsets.UTF_8);
			}
			long logged = Files.size(log);
			time(admin, query.getKey(), path);
			explain(connection, database, query.getKey(), log, logged, out);
		}
	}

	/**
	 * Waits (up to two hours) until the one-minute load average is below the threshold,
	 * so that other work on a shared machine does not spoil the tails.
	 */
	private void waitQuiet() throws Exception {
		if (this.quietLoad <= 0) {
			return;
		}
		long deadline = System.nanoTime() + 7_200_000_000_000L;
		double load;
		while ((load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0])) >= this.quietLoad
				&& System.nanoTime() < deadline) {
			Thread.sleep(10_000);
		}
		System.out.printf("   timing with a one-minute load of %.2f%n", load);
	}

	private static Map<String, String> queries(long vip, long someone) {
		Map<String, String> queries = new LinkedHashMap<>();
		String list = "/api/v1/customers?limit=50";
		queries.put("no filter, last seen first (list-all)", list);
		queries.put("level VIP and a tag, last seen first (list-first)", list + "&level=" + vip + "&tag=tag-10");
		queries.put("the same, the next page by cursor (list-next)", "next:" + list + "&level=" + vip + "&tag=tag-10");
		queries.put("VIP with a conversation in the last 7 days, by last conversation (vip-week)",
				list + "&level=" + vip + "&lastConversation.from=-7d&sort=lastConversation");
		queries.put("q=小明, one pair (search-cn)", list + "&q=" + enc("小明"));
		queries.put("q=王小明, two pairs (search-cn3)", list + "&q=" + enc("王小明"));
		queries.put("q=王小, by name (search-name-sort)", list + "&q=" + enc("王小") + "&sort=name&order=asc");
		queries.put("q=alex smi, two common prefixes (search-prefix)", list + "&q=" + enc("alex smi"));
		queries.put("q=mich, a common prefix (search-common)", list + "&q=mich");
		queries.put("q=company, a third of all (search-company)", list + "&q=company");
		queries.put("q=mich and level VIP (search-filter)", list + "&q=mich&level=" + vip);
		queries.put("q=mich, the next page by cursor (search-next)", "next:" + list + "&q=mich");
		queries.put("a customer's conversations (customer-conversations)",
				"/api/v1/customers/" + someone + "/conversations?limit=20");
		return queries;
	}

	private void time(Http admin, String label, String path) throws Exception {
		for (int i = 0; i < 50; i++) {
			admin.get(path);
		}
		Histogram histogram = new Histogram(60_000_000_000L, 3);
		int items = 0;
		for (int i = 0; i < this.requests; i++) {
			long start = System.nanoTime();
			JsonNode page = admin.get(path);
			histogram.recordValue(System.nanoTime() - start);
			items = page.path("items").size();
		}
		System.out.printf("   %-75s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d items)%n", label,
				histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6,
				histogram.getMaxValue() / 1e6, items);
	}

	private static final Pattern LOGGED = Pattern.compile("customer list SQL: (.*) -- params (\\[.*\\])$");

	/**
	 * Prints the plan of every distinct statement Parley logged for the query since the
	 * given log offset (with its parameters written in).
	 */
	private static void explain(Connection connection, String database, String label, Path log, long from, Path out)
			throws Exception {
		byte[] all = Files.readAllBytes(log);
		String added = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
		List<String> seen = new ArrayList<>();
		StringBuilder plans = new StringBuilder("== ").append(label).append('\n');
		for (String line : added.split("\n")) {
			Matcher m = LOGGED.matcher(line.strip());
			if (!m.find()) {
				continue;
			}
			String sql = inline(m.group(1), m.group(2));
			if (seen.contains(sql)) {
				continue;
			}
			seen.add(sql);
			plans.append(sql).append('\n');
			String explain = database.equals("h2") ? "EXPLAIN ANALYZE " : "EXPLAIN (ANALYZE, COSTS OFF) ";
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery(explain + sql)) {
				while (rs.next()) {
					plans.append("    ").append(rs.getString(1)).append('\n');
				}
			}
		}
		Files.writeString(out.resolve("plans-" + database + ".txt"), plans, StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
	}

	/** The SQL with its {@code ?} replaced by the logged values (numbers or strings). */
	static String inline(String sql, String params) {
		List<String> values = new ArrayList<>();
		String inner = params.substring(1, params.length() - 1);
		if (!inner.isEmpty()) {
			for (String value : inner.split(", ")) {
				values.add(value.matches("-?\\d+") ? value : "'" + value.replace("'", "''") + "'");
			}
		}
		StringBuilder result = new StringBuilder();
		int next = 0;
		for (char c : sql.toCharArray()) {
			result.append((c == '?' && next < values.size()) ? values.get(next++) : String.valueOf(c));
		}
		return result.toString();
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static long single(Connection connection, String sql) throws Exception {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
