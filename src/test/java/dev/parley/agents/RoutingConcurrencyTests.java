package dev.parley.agents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.parley.ParleyApplication;
import dev.parley.testing.ApiClient;
import dev.parley.agents.internal.Router;
import dev.parley.testing.ExternalServices;
import dev.parley.testing.ModuleEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many simultaneous arrivals on two nodes sharing one real PostgreSQL or MariaDB
 * database, both routing at once: no agent goes over capacity, no conversation is
 * assigned twice, and everything that does not fit keeps waiting. Half the visitors speak
 * Chinese, which only the first agent does: he gets only theirs, the others only the rest
 * (within the group's wait for a matching agent).
 */
@Timeout(240)
class RoutingConcurrencyTests {

	private static final String PASSWORD = "Routing-Passw0rd!";

	private static final int AGENTS = 3;

	private static final int CAPACITY = 4;

	private static final int ARRIVALS = 40;

	@Test
	void postgres() throws Exception {
		run(ExternalServices.postgres());
	}

	@Test
	void mariadb() throws Exception {
		run(ExternalServices.mariadb());
	}

	private void run(ExternalServices.TestDatabase database) throws Exception {
		ConfigurableApplicationContext nodeA = null;
		ConfigurableApplicationContext nodeB = null;
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			nodeA = start(database, "--parley.setup.admin-username=admin", "--parley.setup.admin-password=" + PASSWORD);
			nodeB = start(database);
			ApiClient admin = new ApiClient(port(nodeA));
			assertThat(admin.login("admin", PASSWORD).status()).isEqualTo(200);
			long channel = admin.post("/api/v1/channels", Map.of("kind", "api", "name", "Load " + UUID.randomUUID()))
				.json()
				.path("id")
				.asLong();
			String key = admin.get("/api/v1/channels/" + channel).json().path("key").asString();
			long agentRole = 0;
			for (JsonNode role : admin.get("/api/v1/roles").json()) {
				if (role.path("name").asString().equals("agent")) {
					agentRole = role.path("id").asLong();
				}
			}
			List<Map<String, Object>> members = new ArrayList<>();
			long chinese = 0;
			for (int i = 0; i < AGENTS; i++) {
				String username = "router-" + i;
				long id = admin
					.post("/api/v1/users", Map.of("username", username, "displayName", "Agent " + i, "roleId",
							agentRole, "password", PASSWORD))
					.json()
					.path("id")
					.asLong();
				admin.put("/api/v1/agents/" + id,
						Map.of("capacity", CAPACITY, "languages", List.of((i == 0) ? "zh" : "en")));
				if (i == 0) {
					chinese = id;
				}
				ApiClient agent = new ApiClient(port((i % 2 == 0) ? nodeA : nodeB));
				agent.login(username, PASSWORD);
				agent.post("/api/v1/session/password",
						Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD + "2"));
				assertThat(agent.put("/api/v1/agents/me/status", Map.of("status", "online")).status()).isEqualTo(200);
				members.add(Map.of("userId", id, "supervisor", false));
			}
			assertThat(admin
				.post("/api/v1/groups", Map.of("name", "Everyone", "routing", "least_busy", "members", members,
						"channelIds", List.of(channel)))
				.status()).isEqualTo(201);

			int[] ports = { port(nodeA), port(nodeB) };
			List<Callable<Long>> arrivals = new ArrayList<>();
			for (int i = 0; i < ARRIVALS; i++) {
				int port = ports[i % 2];
				String language = ((i / 2) % 2 == 0) ? "zh-CN" : "en-US";
				arrivals.add(() -> {
					ApiClient visitor = new ApiClient(port);
					ApiClient.Response arrived = visitor.post("/api/v1/widget/channels/" + key + "/visitors",
							Map.of("language", language));
					assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
					ApiClient.Response started = visitor
						.withHeader("X-Parley-Visitor", arrived.json().path("token").asString())
						.post("/api/v1/widget/conversations", Map.of());
					assertThat(started.status()).as(started.toString()).isEqualTo(201);
					return started.json().path("id").asLong();
				});
			}
			List<Long> conversations = new ArrayList<>();
			for (Future<Long> future : pool.invokeAll(arrivals)) {
				conversations.add(future.get());
			}
			RoutingTest.eventually("every agent full", () -> open(admin) == AGENTS * CAPACITY);
			// every listener done and a sweep on each node: nothing else may be assigned
			ModuleEvents.awaitHandled(nodeA.getBean(JdbcClient.class));
			nodeA.getBean(Router.class).sweep();
			nodeB.getBean(Router.class).sweep();
			ModuleEvents.awaitHandled(nodeA.getBean(JdbcClient.class));
			assertThat(open(admin)).isEqualTo(AGENTS * CAPACITY);

			Map<Long, Integer> load = new HashMap<>();
			int waiting = 0;
			for (long id : conversations) {
				JsonNode conversation = admin.get("/api/v1/conversations/" + id).json();
				if (conversation.path("status").asString().equals("waiting")) {
					waiting++;
					continue;
				}
				long assignee = conversation.path("assignee").path("id").asLong();
				load.merge(assignee, 1, Integer::sum);
				String language = nodeA.getBean(JdbcClient.class)
					.sql("SELECT routing_language FROM conversation WHERE id = ?")
					.param(id)
					.query(String.class)
					.single();
				assertThat(language.startsWith("zh")).as("conversation %d in %s to agent %d", id, language, assignee)
					.isEqualTo(assignee == chinese);
				long assignedEvents = 0;
				for (JsonNode message : admin.get("/api/v1/conversations/" + id + "/messages").json().path("items")) {
					if (message.path("event").path("type").asString().equals("assigned")) {
						assignedEvents++;
					}
				}
				assertThat(assignedEvents).as("conversation %d assigned once", id).isEqualTo(1);
			}
			assertThat(load).hasSize(AGENTS).allSatisfy((agent, count) -> assertThat(count).isEqualTo(CAPACITY));
			assertThat(waiting).isEqualTo(ARRIVALS - AGENTS * CAPACITY);
		}
		finally {
			pool.shutdownNow();
			if (nodeA != null) {
				nodeA.close();
			}
			if (nodeB != null) {
				nodeB.close();
			}
			database.drop();
		}
	}

	private static int open(ApiClient admin) {
		return admin.get("/api/v1/conversations?view=open&limit=100").json().path("items").size();
	}

	private static ConfigurableApplicationContext start(ExternalServices.TestDatabase database, String... extra) {
		String[] args = new String[] { "--server.port=0", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(), "--spring.datasource.password=",
				"--parley.routing.sweep=1s", "--logging.level.root=WARN" };
		String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
			.toArray(String[]::new);
		return new SpringApplicationBuilder(ParleyApplication.class).run(all);
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

}
