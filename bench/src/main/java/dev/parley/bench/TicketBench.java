package dev.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The ticket list benchmark (docs/performance.md, "Tickets: views and search"): fills a
 * fresh database of Parley (embedded H2, or PostgreSQL on 127.0.0.1:5432) with generated
 * tickets and articles ({@link TicketFill}), then times each standard view's first page,
 * searches and the counts over HTTP, one request after the other, as an agent (his
 * visibility applies: his tickets, his group's, those of no group) and, for "all", as the
 * administrator too; the plans of the SQL Parley sent are written beside the figures.
 *
 * <pre>
 * bench/tickets/run [--only h2,postgresql] [--tickets 1000000] [--articles 10] [--requests 400] [--wait-quiet 1.5]
 * </pre>
 *
 * A filled database can be kept and timed again by later builds: on PostgreSQL with
 * {@code -Dparley.bench.keep=true} and then {@code -Dparley.bench.reuse=NAME}; on H2 with
 * {@code -Dparley.bench.h2-dir=DIR} (filled when DIR holds no database yet, else reused).
 * {@code -Dparley.bench.fill-only=true} stops after the fill.
 */
public final class TicketBench {

	private int tickets = 1_000_000;

	private int articles = 10;

	private int requests = 400;

	private double quietLoad;

	private static final java.util.regex.Pattern LOGGED = java.util.regex.Pattern
		.compile("ticket list SQL: (.*) -- params (\\[.*\\])$");

	private TicketBench() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = null;
		List<String> only = List.of("h2", "postgresql");
		TicketBench bench = new TicketBench();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--parley-jar" -> jar = Path.of(args[++i]);
				case "--only" -> only = List.of(args[++i].split(","));
				case "--tickets" -> bench.tickets = Integer.parseInt(args[++i]);
				case "--articles" -> bench.articles = Integer.parseInt(args[++i]);
				case "--requests" -> bench.requests = Integer.parseInt(args[++i]);
				case "--wait-quiet" -> bench.quietLoad = Double.parseDouble(args[++i]);
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		Path out = ListTiming.results("tickets");
		for (String database : only) {
			bench.measure(jar, database, out);
		}
		System.out.println("written to " + out);
		System.exit(0);
	}

	private void measure(Path jar, String database, Path out) throws Exception {
		System.out.println("== " + database);
		BenchStore store = BenchStore.of(database, "parley-ticket-bench");
		boolean reuse = store.reuse();
		Path logs = out.resolve("logs-" + database);
		List<String> extra = new ArrayList<>(
				List.of("--logging.level.dev.parley.tickets.internal.query.TicketQuery=TRACE"));
		extra.addAll(store.parleyArguments());
		try (ParleyTarget target = ParleyTarget.start(jar, database, List.of("-XX:+UseG1GC"), logs, store.data(),
				extra)) {
			Http admin = target.admin();
			Http agent = reuse ? signIn(target) : agent(target, admin);
			long agentId = agent.get("/api/v1/session").path("user").path("id").asLong();
			long group = reuse ? 0 : admin.post("/api/v1/groups", Map.of("name", "Bench tickets", "routing", "manual",
					"members", List.of(Map.of("userId", agentId, "supervisor", false))))
				.path("id")
				.asLong();
			try (Connection connection = store.connect(target)) {
				long start = System.nanoTime();
				if (!reuse) {
					new TicketFill(connection).fill(this.tickets, this.articles, System.currentTimeMillis(), agentId,
							group);
					System.out.printf("   filled in %.0f s: %d tickets, %d articles (database %s)%n",
							(System.nanoTime() - start) / 1e9, this.tickets, (long) this.tickets * this.articles,
							target.database());
				}
				if (Boolean.getBoolean("parley.bench.fill-only")) {
					return;
				}
				try (ListTiming.Turn turn = ListTiming.Turn.take("parley-ticket-bench")) {
					ListTiming.waitQuiet(this.quietLoad);
					Path log = logs.resolve("parley-" + database + ".log");
					for (Map.Entry<String, String> query : queries().entrySet()) {
						boolean asAdmin = query.getKey().contains("administrator");
						long logged = Files.size(log);
						ListTiming.time(asAdmin ? admin : agent, query.getKey(), query.getValue(), this.requests);
						ListTiming.explain(connection, database, LOGGED, query.getKey(), log, logged, out);
					}
				}
			}
		}
	}

	/** An agent of the agent role, signed in with a password of his own. */
	private static Http agent(ParleyTarget target, Http admin) throws Exception {
		long role = 0;
		for (JsonNode r : admin.get("/api/v1/roles")) {
			if (r.path("name").asString().equals("agent")) {
				role = r.path("id").asLong();
			}
		}
		admin.post("/api/v1/users", Map.of("username", "bench-agent", "displayName", "Bench Agent", "email",
				"bench-agent@example.com", "roleId", role, "password", "Initial-Passw0rd!"));
		Http agent = target.http();
		agent.login("bench-agent", "Initial-Passw0rd!");
		agent.post("/api/v1/session/password",
				Map.of("currentPassword", "Initial-Passw0rd!", "newPassword", "Own-Chosen-Passw0rd!"));
		return agent;
	}

	/** The agent of a kept database (reuse), signed in with the password he chose. */
	private static Http signIn(ParleyTarget target) throws Exception {
		Http agent = target.http();
		agent.login("bench-agent", "Own-Chosen-Passw0rd!");
		return agent;
	}

	private static Map<String, String> queries() {
		Map<String, String> queries = new LinkedHashMap<>();
		String list = "/api/v1/tickets?limit=50";
		queries.put("all, updated first, as the administrator (all-admin)", list + "&view=all");
		queries.put("all he may see, updated first (all)", list + "&view=all");
		queries.put("mine (mine)", list + "&view=mine");
		queries.put("unassigned (unassigned)", list + "&view=unassigned");
		queries.put("my groups' (my-groups)", list + "&view=my_groups");
		queries.put("overdue (overdue)", list + "&view=overdue");
		queries.put("due soon (due-soon)", list + "&view=due_soon");
		queries.put("pending (pending)", list + "&view=pending");
		queries.put("overdue by SLA due time (overdue-sla)", list + "&view=overdue&sort=sla_due");
		queries.put("q=退款, a tenth of all (search-common)", list + "&q=" + ListTiming.enc("退款"));
		queries.put("q=退款 and unfinished (search-open)",
				list + "&q=" + ListTiming.enc("退款") + "&status=new,open,pending");
		queries.put("q=ord123401, one ticket (search-rare)", list + "&q=ord123401");
		queries.put("q=T-2026-123401, a number (search-number)", list + "&q=T-2026-123401");
		queries.put("q=123401, a number's digits (search-digits)", list + "&q=123401");
		queries.put("counts of the navigation (counts)", "/api/v1/tickets/counts");
		return queries;
	}

}
