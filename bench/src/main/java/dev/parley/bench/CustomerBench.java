package dev.parley.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
		Path out = ListTiming.results("customers");
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
				try (ListTiming.Turn turn = ListTiming.Turn.take("parley-customer-bench")) {
					ListTiming.waitQuiet(this.quietLoad);
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
			ListTiming.time(admin, query.getKey(), path, this.requests);
			ListTiming.explain(connection, database, LOGGED, query.getKey(), log, logged, out);
		}
	}

	private static Map<String, String> queries(long vip, long someone) {
		Map<String, String> queries = new LinkedHashMap<>();
		String list = "/api/v1/customers?limit=50";
		queries.put("no filter, last seen first (list-all)", list);
		queries.put("level VIP and a tag, last seen first (list-first)", list + "&level=" + vip + "&tag=tag-10");
		queries.put("the same, the next page by cursor (list-next)", "next:" + list + "&level=" + vip + "&tag=tag-10");
		queries.put("VIP with a conversation in the last 7 days, by last conversation (vip-week)",
				list + "&level=" + vip + "&lastConversation.from=-7d&sort=lastConversation");
		queries.put("q=小明, one pair (search-cn)", list + "&q=" + ListTiming.enc("小明"));
		queries.put("q=王小明, two pairs (search-cn3)", list + "&q=" + ListTiming.enc("王小明"));
		queries.put("q=王小, by name (search-name-sort)", list + "&q=" + ListTiming.enc("王小") + "&sort=name&order=asc");
		queries.put("q=alex smi, two common prefixes (search-prefix)", list + "&q=" + ListTiming.enc("alex smi"));
		queries.put("q=mich, a common prefix (search-common)", list + "&q=mich");
		queries.put("q=company, a third of all (search-company)", list + "&q=company");
		queries.put("q=mich and level VIP (search-filter)", list + "&q=mich&level=" + vip);
		queries.put("q=mich, the next page by cursor (search-next)", "next:" + list + "&q=mich");
		queries.put("a customer's conversations (customer-conversations)",
				"/api/v1/customers/" + someone + "/conversations?limit=20");
		return queries;
	}

	private static final Pattern LOGGED = Pattern.compile("customer list SQL: (.*) -- params (\\[.*\\])$");

	private static long single(Connection connection, String sql) throws Exception {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
