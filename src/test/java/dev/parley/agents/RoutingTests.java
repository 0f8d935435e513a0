package dev.parley.agents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.parley.agents.internal.Presence;
import dev.parley.testing.ApiClient;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing over HTTP on its own database (agents here go online, which would take the
 * other tests' conversations): strategies, capacity, status, FIFO when a slot frees,
 * overflow, and the bad inputs and refusals of agent and group administration.
 */
class RoutingTests extends RoutingTest {

	@org.springframework.beans.factory.annotation.Autowired
	Presence presence;

	@org.springframework.beans.factory.annotation.Autowired
	dev.parley.conversations.LiveConnections connections;

	@Test
	void leastBusyFillsAgentsByLoadNeverOverCapacityAndHandsAFreedSlotToTheLongestWaiting() {
		Agent big = agent(2, "online");
		Agent small = agent(1, "online");
		long channel = channel();
		group("least_busy", channel, List.of(big, small), null);
		String key = key(channel);
		List<Long> conversations = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			conversations.add(arrive(key));
		}
		eventually("three of four assigned", () -> Collections.frequency(assignees(conversations), null) == 1);
		List<Long> who = assignees(conversations);
		assertThat(Collections.frequency(who, big.id())).isEqualTo(2);
		assertThat(Collections.frequency(who, small.id())).isEqualTo(1);
		long waiting = conversations.get(who.indexOf(null));
		assertThat(waiting).as("the last to arrive waits").isEqualTo(conversations.get(3));

		long smallsConversation = conversations.get(who.indexOf(small.id()));
		assertThat(small.api().post("/api/v1/conversations/" + smallsConversation + "/close", Map.of()).status())
			.isEqualTo(200);
		eventually("the waiting conversation goes to the freed agent", () -> {
			Long assignee = assignee(waiting);
			return assignee != null && assignee == small.id();
		});
	}

	@Test
	void roundRobinTakesTurnsAndOfflineOrAwayAgentsGetNothing() {
		Agent first = agent(5, "online");
		Agent second = agent(5, "online");
		Agent away = agent(5, "away");
		long channel = channel();
		group("round_robin", channel, List.of(first, second, away), null);
		String key = key(channel);
		List<Long> conversations = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			long id = arrive(key);
			conversations.add(id);
			eventually("assigned", () -> assignee(id) != null);
		}
		List<Long> who = assignees(conversations);
		assertThat(who).doesNotContain(away.id());
		assertThat(who.get(0)).isNotEqualTo(who.get(1));
		assertThat(who.get(2)).isEqualTo(who.get(0));
		assertThat(who.get(3)).isEqualTo(who.get(1));
	}

	@Test
	void aConversationWaitsUntilSomeoneComesOnlineAndManualGroupsOnlyQueue() {
		Agent later = agent(3, "offline");
		long channel = channel();
		group("least_busy", channel, List.of(later), null);
		long waiting = arrive(key(channel));
		long manualChannel = channel();
		Agent idle = agent(3, "online");
		group("manual", manualChannel, List.of(idle), null);
		long queued = arrive(key(manualChannel));
		routeNow();
		assertThat(assignee(waiting)).isNull();
		assertThat(assignee(queued)).isNull();
		later.api().put("/api/v1/agents/me/status", Map.of("status", "online"));
		eventually("assigned once the agent is online", () -> assignee(waiting) != null);
		assertThat(assignee(waiting)).isEqualTo(later.id());
		routeNow();
		assertThat(assignee(queued)).as("manual groups are never routed").isNull();
	}

	@Test
	void overflowGoesToTheNextGroupWhenNobodyIsAvailable() {
		Agent helper = agent(2, "online");
		long spare = channel();
		long overflow = group("least_busy", spare, List.of(helper), null).path("id").asLong();
		Agent absent = agent(2, "offline");
		long channel = channel();
		group("least_busy", channel, List.of(absent), overflow);
		long id = arrive(key(channel));
		eventually("taken by the overflow group", () -> assignee(id) != null);
		assertThat(assignee(id)).isEqualTo(helper.id());
	}

	@Test
	void badAgentAndGroupInputIsRefusedAndChangesNothing() {
		ApiClient admin = admin();
		Agent agent = agent(2, "offline");
		for (Object capacity : new Object[] { 0, -1, 51, "many" }) {
			ApiClient.Response response = admin.put("/api/v1/agents/" + agent.id(), Map.of("capacity", capacity));
			assertThat(response.status()).as(String.valueOf(capacity)).isEqualTo(400);
		}
		assertThat(admin.put("/api/v1/agents/987654", Map.of("capacity", 3)).status()).isEqualTo(404);
		assertThat(admin.get("/api/v1/agents")
			.json()
			.findValues("userId")
			.stream()
			.anyMatch((n) -> n.asLong() == agent.id())).isTrue();
		assertThat(agent.api().put("/api/v1/agents/me/status", Map.of("status", "busy")).status()).isEqualTo(400);
		assertThat(agent.api().get("/api/v1/agents/me").json().path("capacity").asInt()).isEqualTo(2);

		long channel = channel();
		String name = unique("Team");
		List<Map<String, Object>> bad = List.of(Map.of("name", ""), Map.of("name", name, "routing", "random"),
				Map.of("name", name, "members", List.of(Map.of("userId", 987654, "supervisor", false))),
				Map.of("name", name, "channelIds", List.of(987654)), Map.of("name", name, "overflowGroupId", 987654),
				Map.of("name", name, "members", List.of(Map.of("userId", agent.id(), "supervisor", false),
						Map.of("userId", agent.id(), "supervisor", true))));
		for (Map<String, Object> body : bad) {
			ApiClient.Response response = admin.post("/api/v1/groups", body);
			assertThat(response.status()).as(body.toString()).isEqualTo(400);
		}
		assertThat(admin.get("/api/v1/groups").json().findValuesAsString("name")).doesNotContain(name);
		long id = admin.post("/api/v1/groups", Map.of("name", name, "channelIds", List.of(channel)))
			.json()
			.path("id")
			.asLong();
		assertThat(admin.post("/api/v1/groups", Map.of("name", name)).code()).isEqualTo("duplicate_group");
		assertThat(admin.put("/api/v1/groups/" + id, Map.of("name", name, "overflowGroupId", id)).status())
			.isEqualTo(400);
	}

	@Test
	void agentsCannotAdministerAndSupervisorsOnlyManageTheirGroups() {
		Agent agent = agent(2, "offline");
		assertThat(agent.api().put("/api/v1/agents/" + agent.id(), Map.of("capacity", 50)).status()).isEqualTo(403);
		assertThat(agent.api().post("/api/v1/groups", Map.of("name", unique("Mine"))).status()).isEqualTo(403);
		assertThat(agent.api().get("/api/v1/agents").status()).as("agents may see colleagues to transfer to")
			.isEqualTo(200);
		assertThat(signedInAs("support").get("/api/v1/agents").status()).isEqualTo(403);
		assertThat(agent.api().get("/api/v1/board").status()).isEqualTo(403);

		String supervisorName = unique("supervisor");
		long supervisorId = createUser(supervisorName, "supervisor").path("id").asLong();
		ApiClient supervisor = client();
		supervisor.login(supervisorName, INITIAL_PASSWORD);
		supervisor.post("/api/v1/session/password",
				Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		assertThat(supervisor.post("/api/v1/groups", Map.of("name", unique("Own"))).status()).isEqualTo(403);
		String hisName = unique("His");
		long his = admin()
			.post("/api/v1/groups",
					Map.of("name", hisName, "members", List.of(Map.of("userId", supervisorId, "supervisor", true))))
			.json()
			.path("id")
			.asLong();
		long other = admin().post("/api/v1/groups", Map.of("name", unique("Other"))).json().path("id").asLong();
		ApiClient.Response own = supervisor.put("/api/v1/groups/" + his,
				Map.of("name", hisName, "routing", "round_robin", "members",
						List.of(Map.of("userId", supervisorId, "supervisor", true),
								Map.of("userId", agent.id(), "supervisor", false))));
		assertThat(own.status()).as(own.toString()).isEqualTo(200);
		assertThat(supervisor.put("/api/v1/groups/" + other, Map.of("name", "Taken over")).status()).isEqualTo(403);
		assertThat(supervisor.delete("/api/v1/groups/" + his).status()).isEqualTo(403);
	}

	@Test
	void closingTheLastConsoleMakesAnAgentOfflineAfterTheGracePeriod() {
		Agent agent = agent(2, "online");
		try (SocketClient console = SocketClient.staff(this.port, agent.api())) {
			this.presence.refresh();
			this.clock.advance(java.time.Duration.ofMinutes(5));
			this.presence.refresh();
			assertThat(agent.api().get("/api/v1/agents/me").json().path("status").asString()).as("still connected")
				.isEqualTo("online");
		}
		eventually("the server noticed the closed console",
				() -> !this.connections.connectedStaff().contains(agent.id()));
		this.clock.advance(java.time.Duration.ofSeconds(30));
		this.presence.refresh();
		assertThat(agent.api().get("/api/v1/agents/me").json().path("status").asString()).as("within the grace period")
			.isEqualTo("online");
		this.clock.advance(java.time.Duration.ofSeconds(90));
		this.presence.refresh();
		assertThat(agent.api().get("/api/v1/agents/me").json().path("status").asString()).isEqualTo("offline");
	}

	@Test
	void whenTheOrganisationRemembersStatusesASignInGivesBackTheStatusTheClosedConsoleTook() {
		Agent agent = agent(2, "online");
		Agent away = agent(2, "away");
		Agent chosen = agent(2, "online");
		assertThat(admin().put("/api/v1/settings", Map.of("routing.rememberStatus", "maybe")).code())
			.isEqualTo("validation_failed");
		assertThat(agent.api().put("/api/v1/settings", Map.of("routing.rememberStatus", "true")).status())
			.isEqualTo(403);
		remember(true);
		try {
			disconnect(agent, away, chosen);
			assertThat(chosen.api().put("/api/v1/agents/me/status", Map.of("status", "offline")).status())
				.isEqualTo(200);

			assertThat(resume(agent)).as("online again at the next sign-in").isEqualTo("online");
			assertThat(resume(away)).isEqualTo("away");
			assertThat(resume(chosen)).as("went offline himself after: his choice is newer").isEqualTo("offline");

			agent.api().put("/api/v1/agents/me/status", Map.of("status", "offline"));
			assertThat(resume(agent)).as("given back once, not at every page load").isEqualTo("offline");
		}
		finally {
			remember(false);
		}
		Agent forgetful = agent(2, "online");
		disconnect(forgetful);
		assertThat(resume(forgetful)).as("not remembered: offline, and the console asks").isEqualTo("offline");

		assertThat(signedInAs("support").post("/api/v1/agents/me/status/resume", Map.of()).status()).isEqualTo(403);
		assertThat(client().post("/api/v1/agents/me/status/resume", Map.of()).status()).isIn(401, 403);
	}

	private void remember(boolean on) {
		ApiClient.Response set = admin().put("/api/v1/settings", Map.of("routing.rememberStatus", String.valueOf(on)));
		assertThat(set.status()).as(set.toString()).isIn(200, 204);
	}

	/** Their consoles were open, then closed for longer than the grace period. */
	private void disconnect(Agent... agents) {
		List<SocketClient> consoles = new ArrayList<>();
		for (Agent agent : agents) {
			consoles.add(SocketClient.staff(this.port, agent.api()));
		}
		this.presence.refresh();
		consoles.forEach(SocketClient::close);
		eventually("the server noticed the closed consoles", () -> java.util.Arrays.stream(agents)
			.noneMatch((agent) -> this.connections.connectedStaff().contains(agent.id())));
		this.clock.advance(java.time.Duration.ofMinutes(3));
		this.presence.refresh();
		for (Agent agent : agents) {
			assertThat(agent.api().get("/api/v1/agents/me").json().path("status").asString()).isEqualTo("offline");
		}
	}

	/** Signs in again and opens the console, which asks for the status to resume. */
	private String resume(Agent agent) {
		ApiClient again = client();
		assertThat(again.login(agent.username(), OWN_PASSWORD).status()).isEqualTo(200);
		ApiClient.Response resumed = again.post("/api/v1/agents/me/status/resume", Map.of());
		assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
		return resumed.json().path("status").asString();
	}

}
