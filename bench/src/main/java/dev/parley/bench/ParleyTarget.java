package dev.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * Parley from its packaged jar, on the embedded H2 database or on a fresh PostgreSQL
 * database, installed headless; set up over its HTTP API like a real installation (an API
 * channel, agents who sign in and take conversations, visitors arriving through the
 * widget API).
 */
final class ParleyTarget implements Target {

	static final String ADMIN_PASSWORD = "Quiet-Harbour-2026!";

	private static final String AGENT_PASSWORD = "Steady-Lantern-2026!";

	private final String label;

	private final Server server;

	private final String database;

	private final Http admin;

	private final String channelKey;

	private final long agentRole;

	private final AtomicInteger agentCount = new AtomicInteger();

	private final Path dataDirectory;

	private ParleyTarget(String label, Server server, String database, Path dataDirectory) throws Exception {
		this.label = label;
		this.server = server;
		this.database = database;
		this.dataDirectory = dataDirectory;
		this.admin = new Http(httpBase());
		// the port opens before the headless install has run: sign in once it has
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (true) {
			try {
				this.admin.login("admin", ADMIN_PASSWORD);
				break;
			}
			catch (RuntimeException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(500);
			}
		}
		this.channelKey = newChannel();
		long role = 0;
		for (JsonNode entry : this.admin.get("/api/v1/roles")) {
			if (entry.path("name").asString().equals("agent")) {
				role = entry.path("id").asLong();
			}
		}
		this.agentRole = role;
	}

	/**
	 * @param database {@code h2} (the embedded default) or {@code postgresql} (a fresh
	 * database on 127.0.0.1:5432, dropped afterwards)
	 */
	static ParleyTarget start(Path jar, String database, List<String> jvmArgs, Path logDir) throws Exception {
		return start(jar, database, jvmArgs, logDir, Files.createTempDirectory("parley-bench"), List.of());
	}

	/**
	 * The chat scenarios' visitors and agents all come from 127.0.0.1, thousands of them
	 * within seconds: the rate limits per address (and the new visitors per channel) are
	 * raised out of their way. The limiter still runs for every request, so its cost is
	 * in the figures. Not when the extra arguments set rate limits themselves
	 * ({@code ArrivalBench} measures under the default limits).
	 */
	static final List<String> CHAT_LOAD_LIMITS = List.of("--parley.rate-limits.policies.sign-in.capacity=1000000",
			"--parley.rate-limits.policies.widget-arrival.capacity=1000000",
			"--parley.rate-limits.policies.visitor-creation.capacity=1000000",
			"--parley.rate-limits.policies.conversation-start.capacity=1000000",
			"--parley.rate-limits.policies.message-send.capacity=1000000",
			"--parley.rate-limits.policies.upload.capacity=1000000");

	/**
	 * As {@link #start(Path, String, List, Path)}, in the given data directory and with
	 * extra arguments after the standard ones (e.g. another H2 URL, a backup key).
	 */
	static ParleyTarget start(Path jar, String database, List<String> jvmArgs, Path logDir, Path data,
			List<String> extraArgs) throws Exception {
		int port = Server.freePort();
		List<String> args = new ArrayList<>(
				List.of("-jar", jar.toString(), "--server.port=" + port, "--parley.data-dir=" + data,
						"--parley.setup.admin-username=admin", "--parley.setup.admin-password=" + ADMIN_PASSWORD,
						// the generator's agents write for five conversations each, far
						// above a
						// person's typing rate
						"--parley.realtime.max-frames-per-second=100000", "--server.tomcat.max-connections=20000",
						"--logging.level.root=WARN", "--logging.level.dev.parley=WARN"));
		String label = "Parley (H2)";
		String dbName = null;
		if (database.equals("postgresql")) {
			// -Dparley.bench.reuse=NAME: a database kept by an earlier run (not made
			// again)
			dbName = System.getProperty("parley.bench.reuse");
			if (dbName == null) {
				dbName = "parley_bench_" + System.currentTimeMillis();
				psql("CREATE DATABASE " + dbName);
			}
			args.add("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + dbName);
			args.add("--spring.datasource.username=postgres");
			label = "Parley (PostgreSQL)";
		}
		if (extraArgs.stream().noneMatch((arg) -> arg.startsWith("--parley.rate-limits."))) {
			args.addAll(CHAT_LOAD_LIMITS);
		}
		args.addAll(extraArgs);
		Server server = Server.start("parley-" + database, port, jvmArgs, args, logDir);
		return new ParleyTarget(label, server, dbName, data);
	}

	private static void psql(String sql) throws Exception {
		Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-c", sql).inheritIO().start();
		if (psql.waitFor() != 0) {
			throw new IllegalStateException("psql failed: " + sql);
		}
	}

	/** The fresh PostgreSQL database's name (null on H2). */
	String database() {
		return this.database;
	}

	/** The signed-in administrator. */
	Http admin() {
		return this.admin;
	}

	/** A new client of this Parley, signed in as nobody. */
	Http http() {
		return new Http(httpBase());
	}

	String httpBase() {
		return "http://127.0.0.1:" + this.server.port();
	}

	@Override
	public String label() {
		return this.label;
	}

	@Override
	public Server server() {
		return this.server;
	}

	@Override
	public String wsBase() {
		return "ws://127.0.0.1:" + this.server.port();
	}

	private String newChannel() throws Exception {
		return this.admin
			.post("/api/v1/channels",
					Map.of("kind", "api", "name", "bench-" + System.nanoTime(), "allowedOrigins", List.of("*")))
			.path("key")
			.asString();
	}

	/**
	 * A signed-in agent with the given capacity (and no status: offline, so nothing is
	 * routed to them).
	 */
	private Http agent(int capacity) throws Exception {
		String username = "bench-" + this.agentCount.incrementAndGet() + "-" + System.nanoTime() % 100000;
		long id = this.admin
			.post("/api/v1/users", Map.of("username", username, "displayName", "Bench agent " + this.agentCount.get(),
					"roleId", this.agentRole, "password", AGENT_PASSWORD))
			.path("id")
			.asLong();
		Http agent = new Http(httpBase());
		agent.login(username, AGENT_PASSWORD);
		agent.post("/api/v1/session/password",
				Map.of("currentPassword", AGENT_PASSWORD, "newPassword", AGENT_PASSWORD + "x"));
		agent.get("/api/v1/agents/me");
		this.admin.put("/api/v1/agents/" + id, Map.of("capacity", capacity));
		return agent;
	}

	@Override
	public Setup conversations(int count, int perAgent) throws Exception {
		List<Http> agents = new ArrayList<>();
		List<Agent> sockets = new ArrayList<>();
		for (int a = 0; a < (count + perAgent - 1) / perAgent; a++) {
			Http agent = agent(perAgent);
			agents.add(agent);
			sockets.add(new Agent("/ws/staff", agent.cookieHeader()));
		}
		List<String> tokens = visitorTokens(count);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Conversation>> started = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int index = i;
			started.add(pool.submit(() -> {
				String token = tokens.get(index);
				long id = this.admin.post("/api/v1/widget/conversations", Map.of(), token).path("id").asLong();
				Http agent = agents.get(index / perAgent);
				synchronized (agent) {
					agent.post("/api/v1/conversations/" + id + "/assign", Map.of());
				}
				return new Conversation(id, token, index / perAgent);
			}));
		}
		List<Conversation> conversations = new ArrayList<>();
		for (Future<Conversation> conversation : started) {
			conversations.add(conversation.get());
		}
		pool.shutdown();
		return new Setup(conversations, sockets);
	}

	@Override
	public List<String> visitorTokens(int count) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<String>> arrivals = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int index = i;
			arrivals.add(
					pool.submit(() -> this.admin
						.post("/api/v1/widget/channels/" + this.channelKey + "/visitors",
								Map.of("name", "visitor " + index), "none")
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

	@Override
	public Burst burst(int visitors, Duration window) throws Exception {
		int perAgent = 20;
		List<Http> agents = new ArrayList<>();
		for (int a = 0; a < (visitors + perAgent - 1) / perAgent; a++) {
			Http agent = agent(perAgent);
			agent.put("/api/v1/agents/me/status", Map.of("status", "online"));
			agents.add(agent);
		}
		String key = newChannel();
		HttpClient http = HttpClient.newHttpClient();
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger queued = new AtomicInteger();
		List<WebSocket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
		ScheduledExecutorService timer = Executors.newScheduledThreadPool(16);
		long gapNanos = window.toNanos() / visitors;
		long start = System.nanoTime();
		long[] lastQueued = new long[1];
		for (int i = 0; i < visitors; i++) {
			int index = i;
			timer.schedule(() -> {
				try {
					String token = this.admin
						.post("/api/v1/widget/channels/" + key + "/visitors", Map.of("name", "burst " + index), "none")
						.path("token")
						.asString();
					WebSocket socket = http.newWebSocketBuilder()
						.buildAsync(URI.create(wsBase() + "/ws/visitor"), new WebSocket.Listener() {
							@Override
							public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
								webSocket.request(1);
								return null;
							}
						})
						.join();
					socket.sendText("{\"type\":\"hello\",\"token\":\"" + token + "\"}", true).join();
					sockets.add(socket);
					this.admin.post("/api/v1/widget/conversations", Map.of(), token);
				}
				catch (Exception ex) {
					errors.incrementAndGet();
				}
				synchronized (lastQueued) {
					lastQueued[0] = Math.max(lastQueued[0], System.nanoTime());
				}
				queued.incrementAndGet();
			}, gapNanos * i, TimeUnit.NANOSECONDS);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (queued.get() < visitors && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		double queuedSeconds = (lastQueued[0] - start) / 1e9;
		double assignedSeconds = Double.NaN;
		while (System.nanoTime() < deadline) {
			JsonNode board = this.admin.get("/api/v1/board");
			if (board.path("unassigned").path("waiting").asInt() == 0) {
				assignedSeconds = (System.nanoTime() - start) / 1e9;
				break;
			}
			Thread.sleep(100);
		}
		timer.shutdownNow();
		sockets.forEach(WebSocket::abort);
		for (Http agent : agents) {
			agent.put("/api/v1/agents/me/status", Map.of("status", "offline"));
		}
		return new Burst(queuedSeconds, assignedSeconds, errors.get());
	}

	@Override
	public void close() throws Exception {
		this.server.close();
		// -Dparley.bench.keep=true: the database stays, for a later run with reuse
		if (this.database != null && !Boolean.getBoolean("parley.bench.keep")) {
			psql("DROP DATABASE IF EXISTS " + this.database);
		}
		else if (this.database != null) {
			System.out.println("   kept database " + this.database + "; reuse it with -Dparley.bench.reuse="
					+ this.database + " -Dparley.bench.data-dir=" + this.dataDirectory);
		}
	}

}
