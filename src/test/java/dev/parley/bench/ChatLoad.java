package dev.parley.bench;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A first load generator for live chat (the benchmark issue builds the full harness): N
 * visitors each open a conversation over the widget API and WebSocket, one agent takes
 * them all and follows them on one staff socket, and both sides exchange messages at a
 * set rate. Prints round-trip percentiles (send on one side to receipt on the other) and
 * the persisted message rate.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) dev.parley.bench.ChatLoad \
 *     http://localhost:8080 admin 'password' 200 20 5
 * </pre> (base URL, admin user, password, conversations, messages per side per
 * conversation, messages per second per conversation per side)
 */
public final class ChatLoad {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final int CONVERSATIONS_PER_AGENT = 5;

	private static final String AGENT_PASSWORD = "Load-Agent-Passw0rd!";

	private final String base;

	private final HttpClient http;

	private final CookieManager cookies;

	private final AtomicLong lastReceipt = new AtomicLong();

	private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

	private final List<Long> visitorToAgent = java.util.Collections.synchronizedList(new ArrayList<>());

	private final List<Long> agentToVisitor = java.util.Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger errors = new AtomicInteger();

	private final Map<String, Integer> errorCodes = new ConcurrentHashMap<>();

	private ChatLoad(String base) {
		this.base = base;
		this.cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	/** Another browser (own cookies) sharing this run's measurements. */
	private ChatLoad(ChatLoad run) {
		this.base = run.base;
		this.cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).build();
		this.parent = run;
	}

	private ChatLoad parent;

	private ChatLoad root() {
		return (this.parent != null) ? this.parent : this;
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int conversations = Integer.parseInt(args[3]);
		int perSide = Integer.parseInt(args[4]);
		double rate = Double.parseDouble(args[5]);
		new ChatLoad(base).run(args[1], args[2], conversations, perSide, rate);
	}

	private void run(String user, String password, int n, int perSide, double rate) throws Exception {
		post("/api/v1/session", null, Map.of("username", user, "password", password), true);
		String key = post("/api/v1/channels", null,
				Map.of("kind", "api", "name", "load-" + System.nanoTime(), "allowedOrigins", List.of("*")), true)
			.path("key")
			.asString();
		long agentRole = 0;
		for (JsonNode role : get("/api/v1/roles")) {
			if (role.path("name").asString().equals("agent")) {
				agentRole = role.path("id").asLong();
			}
		}
		int agentCount = (n + CONVERSATIONS_PER_AGENT - 1) / CONVERSATIONS_PER_AGENT;
		List<ChatLoad> agents = new ArrayList<>();
		for (int a = 0; a < agentCount; a++) {
			String username = "load-" + System.nanoTime();
			post("/api/v1/users", null, Map.of("username", username, "displayName", "Load agent " + a, "roleId",
					agentRole, "password", AGENT_PASSWORD), true);
			ChatLoad agent = new ChatLoad(this);
			agent.post("/api/v1/session", null, Map.of("username", username, "password", AGENT_PASSWORD), true);
			agent.post("/api/v1/session/password", null,
					Map.of("currentPassword", AGENT_PASSWORD, "newPassword", AGENT_PASSWORD + "2"), true);
			agents.add(agent);
		}
		List<long[]> ids = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String token = post("/api/v1/widget/channels/" + key + "/visitors", null, Map.of("name", "load " + i),
					false)
				.path("token")
				.asString();
			long conversation = post("/api/v1/widget/conversations", token, Map.of(), false).path("id").asLong();
			agents.get(i / CONVERSATIONS_PER_AGENT)
				.post("/api/v1/conversations/" + conversation + "/assign", null, Map.of(), true);
			tokens.add(token);
			ids.add(new long[] { conversation });
		}
		int expected = 2 * n * perSide;
		CountDownLatch received = new CountDownLatch(expected);
		List<WebSocket> agentSockets = new ArrayList<>();
		for (ChatLoad agent : agents) {
			agentSockets.add(agent.socket("/ws/staff", agent.cookieHeader(), received, this.visitorToAgent, "v"));
		}
		List<WebSocket> visitors = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			WebSocket visitor = socket("/ws/visitor", null, received, this.agentToVisitor, "a");
			visitor.sendText(json.writeValueAsString(Map.of("type", "hello", "token", tokens.get(i))), true).join();
			visitors.add(visitor);
		}
		Thread.sleep(1000);
		ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
		long periodMicros = (long) (1_000_000 / rate);
		long start = System.nanoTime();
		for (int i = 0; i < n; i++) {
			int index = i;
			long conversation = ids.get(i)[0];
			AtomicInteger count = new AtomicInteger();
			long offset = (periodMicros * i) / n;
			timer.scheduleAtFixedRate(() -> {
				int k = count.getAndIncrement();
				if (k >= perSide) {
					return;
				}
				send(visitors.get(index), conversation, "v-" + conversation + "-" + k);
				send(agentSockets.get(index / CONVERSATIONS_PER_AGENT), conversation, "a-" + conversation + "-" + k);
			}, offset, periodMicros, TimeUnit.MICROSECONDS);
		}
		boolean done = received.await(120, TimeUnit.SECONDS);
		double seconds = (this.lastReceipt.get() - start) / 1e9;
		timer.shutdownNow();
		int delivered = expected - (int) received.getCount();
		System.out.printf("conversations=%d agents=%d messages=%d delivered=%d errors=%d complete=%s%n", n, agentCount,
				expected, delivered, this.errors.get(), done);
		System.out.printf("persisted+delivered: %.0f messages/s over %.1f s (offered %.0f/s)%n", delivered / seconds,
				seconds, 2 * n * rate);
		report("visitor -> agent", this.visitorToAgent);
		report("agent -> visitor", this.agentToVisitor);
		List<Long> all = new ArrayList<>(this.visitorToAgent);
		all.addAll(this.agentToVisitor);
		report("both", all);
		System.exit(0);
	}

	private void send(WebSocket socket, long conversation, String clientId) {
		root().sentAt.put(clientId, System.nanoTime());
		synchronized (socket) {
			socket
				.sendText(json.writeValueAsString(Map.of("type", "send", "conversationId", conversation, "clientId",
						clientId, "text", "load message " + clientId)), true)
				.join();
		}
	}

	private WebSocket socket(String path, String cookie, CountDownLatch received, List<Long> latencies,
			String fromPrefix) {
		WebSocket.Builder builder = this.http.newWebSocketBuilder();
		if (cookie != null) {
			builder.header("Cookie", cookie);
		}
		return builder.buildAsync(URI.create(this.base.replace("http", "ws") + path), new WebSocket.Listener() {

			private final StringBuilder partial = new StringBuilder();

			@Override
			public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
				this.partial.append(data);
				if (last) {
					JsonNode frame = json.readTree(this.partial.toString());
					this.partial.setLength(0);
					String type = frame.path("type").asString();
					if (type.equals("message")) {
						String clientId = frame.path("message").path("clientId").asString("");
						Long sent = clientId.startsWith(fromPrefix + "-") ? root().sentAt.remove(clientId) : null;
						if (sent != null) {
							long now = System.nanoTime();
							latencies.add(now - sent);
							root().lastReceipt.accumulateAndGet(now, Math::max);
							received.countDown();
						}
					}
					else if (type.equals("error")) {
						root().errors.incrementAndGet();
						root().errorCodes.merge(frame.path("code").asString(), 1, Integer::sum);
					}
				}
				webSocket.request(1);
				return null;
			}

		}).join();
	}

	private static void report(String name, List<Long> nanos) {
		long[] sorted;
		synchronized (nanos) {
			sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		}
		if (sorted.length == 0) {
			System.out.printf("%-17s no samples%n", name);
			return;
		}
		System.out.printf("%-17s n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms p99.9=%.2f ms max=%.2f ms%n", name,
				sorted.length, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9),
				sorted[sorted.length - 1] / 1e6);
	}

	private static double pct(long[] sorted, double p) {
		int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	private JsonNode post(String path, String visitorToken, Object body, boolean csrf) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		if (visitorToken != null) {
			request.header("X-Parley-Visitor", visitorToken);
		}
		if (csrf) {
			if (cookie("XSRF-TOKEN") == null) {
				this.http.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/session")).build(),
						HttpResponse.BodyHandlers.discarding());
			}
			request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
		}
		return json.readTree(response.body());
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.base + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body());
	}

	private String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private String cookieHeader() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.map((c) -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
	}

}
