package dev.parley.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The reports benchmark (docs/performance.md, "Reports"): fills a fresh database of
 * Parley (embedded H2, or PostgreSQL on 127.0.0.1:5432) with a year of conversations
 * ({@link ConversationFill}: 1,000,000 conversations, 12,450,000 transcript lines of
 * which 10,500,000 messages, 3 channels, 10 groups, 100 agents), has Parley rebuild its
 * figures from them (timed: the rebuild's throughput), then times the reports over HTTP,
 * one request after the other: the overview and the agent report for the whole year, as
 * the administrator and as a supervisor of one group, and the slowest first responses of
 * the last week.
 *
 * <pre>
 * bench/reports/run [--only h2,postgresql] [--conversations 1000000] [--requests 200] [--wait-quiet 1.5]
 *     [--queries overview-year-admin,agents-year-admin] [--settle 60]
 * </pre>
 *
 * As the ticket benchmark: {@code -Dparley.bench.keep=true} /
 * {@code -Dparley.bench.reuse=NAME} on PostgreSQL and {@code -Dparley.bench.h2-dir=DIR}
 * on H2 keep a filled and rebuilt database for later builds.
 */
public final class ReportBench {

	private int conversations = 1_000_000;

	private int requests = 200;

	private double quietLoad;

	/** Seconds between the warm-up and the timing. */
	private int settleSeconds = 60;

	/** The ids of the queries to time (in brackets in their labels), or all. */
	private List<String> only = List.of();

	private ReportBench() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = null;
		List<String> only = List.of("h2", "postgresql");
		ReportBench bench = new ReportBench();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--parley-jar" -> jar = Path.of(args[++i]);
				case "--only" -> only = List.of(args[++i].split(","));
				case "--conversations" -> bench.conversations = Integer.parseInt(args[++i]);
				case "--requests" -> bench.requests = Integer.parseInt(args[++i]);
				case "--wait-quiet" -> bench.quietLoad = Double.parseDouble(args[++i]);
				case "--queries" -> bench.only = List.of(args[++i].split(","));
				case "--settle" -> bench.settleSeconds = Integer.parseInt(args[++i]);
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		if (bench.conversations < 1000 || bench.conversations % 1000 != 0) {
			// the fill makes its rows in thousands (ConversationFill)
			throw new IllegalArgumentException("--conversations must be a multiple of 1000");
		}
		Path out = ListTiming.results("reports");
		for (String database : only) {
			bench.measure(jar, database, out);
		}
		System.out.println("written to " + out);
		System.exit(0);
	}

	private void measure(Path jar, String database, Path out) throws Exception {
		System.out.println("== " + database);
		BenchStore store = BenchStore.of(database, "parley-report-bench");
		boolean reuse = store.reuse();
		Path logs = out.resolve("logs-" + database);
		try (ParleyTarget target = ParleyTarget.start(jar, database, List.of("-XX:+UseG1GC"), logs, store.data(),
				store.parleyArguments())) {
			Http admin = target.admin();
			if (!reuse) {
				Team team = team(admin);
				try (Connection connection = store.connect(target)) {
					long start = System.nanoTime();
					new ConversationFill(connection).fill(this.conversations, System.currentTimeMillis(),
							team.channels(), team.agents(), team.groups());
					long messages;
					try (var statement = connection.createStatement();
							var counted = statement
								.executeQuery("SELECT COUNT(*) FROM chat_message WHERE kind = 'text'")) {
						counted.next();
						messages = counted.getLong(1);
					}
					System.out.printf("   filled in %.0f s: %d conversations, %d messages (database %s)%n",
							(System.nanoTime() - start) / 1e9, this.conversations, messages, target.database());
				}
				long start = System.nanoTime();
				admin.post("/api/v1/reports/rebuild", Map.of());
				JsonNode status;
				do {
					Thread.sleep(2_000);
					status = admin.get("/api/v1/reports/rebuild");
				}
				while (status.path("state").asString().equals("RUNNING"));
				double seconds = (System.nanoTime() - start) / 1e9;
				System.out.printf("   rebuilt: %s, %d conversations in %.0f s (%.0f conversations/s)%n",
						status.path("state").asString(), status.path("folded").asLong(), seconds,
						status.path("folded").asLong() / seconds);
			}
			if (Boolean.getBoolean("parley.bench.fill-only")) {
				return;
			}
			Http supervisor = target.http();
			try {
				supervisor.login("bench-sup", "Own-Chosen-Passw0rd!");
			}
			catch (IllegalStateException first) {
				// a fresh database, or one kept after a fill only: the first sign-in sets
				// it
				supervisor.login("bench-sup", "Initial-Passw0rd!");
				supervisor.post("/api/v1/session/password",
						Map.of("currentPassword", "Initial-Passw0rd!", "newPassword", "Own-Chosen-Passw0rd!"));
			}
			Map<String, String> queries = new LinkedHashMap<>();
			queries().forEach((label, path) -> {
				if (this.only.isEmpty() || this.only.stream().anyMatch((id) -> label.contains("(" + id + ")"))) {
					queries.put(label, path);
				}
			});
			try (ListTiming.Turn turn = ListTiming.Turn.take("parley-report-bench")) {
				// every query a few times before any is timed: on H2 the database's code
				// is
				// this JVM's, and the compiler's work on one report's path would
				// otherwise
				// fall into the timing of the first one
				for (int round = 0; round < 3; round++) {
					for (Map.Entry<String, String> query : queries.entrySet()) {
						(query.getKey().contains("administrator") ? admin : supervisor).get(query.getValue());
					}
				}
				// the first runs of Parley's background jobs after a start (the
				// transcript
				// indexer's first look reads every conversation) fall into the first
				// timing
				// otherwise: a running server is measured, not a starting one
				Thread.sleep(this.settleSeconds * 1000L);
				ListTiming.waitQuiet(this.quietLoad);
				for (Map.Entry<String, String> query : queries.entrySet()) {
					boolean asAdmin = query.getKey().contains("administrator");
					ListTiming.time(asAdmin ? admin : supervisor, query.getKey(), query.getValue(), this.requests);
				}
			}
		}
	}

	private record Team(long[] channels, long[] agents, long[] groups) {
	}

	/**
	 * 3 channels, 100 agents, 10 groups; the supervisor bench-sup supervises the first.
	 */
	private static Team team(Http admin) throws Exception {
		Map<String, Long> roles = new LinkedHashMap<>();
		for (JsonNode r : admin.get("/api/v1/roles")) {
			roles.put(r.path("name").asString(), r.path("id").asLong());
		}
		long[] channels = new long[3];
		for (int i = 0; i < channels.length; i++) {
			channels[i] = admin
				.post("/api/v1/channels", Map.of("kind", "api", "name", "Bench " + i, "allowedOrigins", List.of("*")))
				.path("id")
				.asLong();
		}
		long[] agents = new long[100];
		for (int i = 0; i < agents.length; i++) {
			agents[i] = admin.post("/api/v1/users",
					Map.of("username", "bench-agent-" + i, "displayName", "Bench Agent " + i, "email",
							"bench-agent-" + i + "@example.com", "roleId", roles.get("agent"), "password",
							"Initial-Passw0rd!"))
				.path("id")
				.asLong();
		}
		long supervisor = admin
			.post("/api/v1/users", Map.of("username", "bench-sup", "displayName", "Bench Supervisor", "email",
					"bench-sup@example.com", "roleId", roles.get("supervisor"), "password", "Initial-Passw0rd!"))
			.path("id")
			.asLong();
		long[] groups = new long[10];
		for (int g = 0; g < groups.length; g++) {
			List<Map<String, Object>> members = new ArrayList<>();
			for (int i = g; i < agents.length; i += groups.length) {
				members.add(Map.of("userId", agents[i], "supervisor", false));
			}
			if (g == 0) {
				members.add(Map.of("userId", supervisor, "supervisor", true));
			}
			groups[g] = admin
				.post("/api/v1/groups", Map.of("name", "Bench group " + g, "routing", "manual", "members", members))
				.path("id")
				.asLong();
		}
		return new Team(channels, agents, groups);
	}

	private Map<String, String> queries() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		String year = "from=" + today.minusDays(364) + "&to=" + today;
		String week = "from=" + today.minusDays(6) + "&to=" + today;
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("overview, a year, administrator (overview-year-admin)", "/api/v1/reports/overview?" + year);
		queries.put("overview, a year, business hours, administrator (overview-year-bh-admin)",
				"/api/v1/reports/overview?" + year + "&hours=business");
		queries.put("agents, a year, administrator (agents-year-admin)", "/api/v1/reports/by/agents?" + year);
		queries.put("groups, a year, administrator (groups-year-admin)", "/api/v1/reports/by/groups?" + year);
		queries.put("overview, a year, supervisor of one group (overview-year-sup)",
				"/api/v1/reports/overview?" + year);
		queries.put("agents, a year, supervisor of one group (agents-year-sup)", "/api/v1/reports/by/agents?" + year);
		queries.put("overview, a week, administrator (overview-week-admin)", "/api/v1/reports/overview?" + week);
		queries.put("occupancy, a week, administrator (occupancy-week-admin)", "/api/v1/reports/occupancy?" + week);
		queries.put("occupancy, a year, supervisor of one group (occupancy-year-sup)",
				"/api/v1/reports/occupancy?" + year);
		queries.put("slowest first responses of a week, administrator (drill-week-admin)",
				"/api/v1/reports/conversations?" + week + "&sort=firstResponse&limit=50");
		return queries;
	}

}
