package dev.parley.agents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.RepeatedTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random arrivals, departures and status changes (seeded, so a failure can be replayed);
 * after every step the invariants hold: no agent over capacity, nobody assigned while not
 * online, no conversation both waiting and assigned, each assigned conversation assigned
 * by exactly one "assigned" line or transfer; and at the end nothing that fits is left
 * waiting.
 */
class RoutingPropertyTests extends RoutingTest {

	private static final String[] STATUSES = { "online", "online", "away", "offline" };

	@Autowired
	JdbcClient jdbc;

	@RepeatedTest(2)
	void invariantsHoldUnderRandomArrivalsDeparturesAndStatusChanges() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		List<Agent> agents = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			agents.add(agent(1 + random.nextInt(3), STATUSES[random.nextInt(STATUSES.length)]));
		}
		long grouped = channel();
		group(random.nextBoolean() ? "least_busy" : "round_robin", grouped, agents.subList(0, 3), null);
		String groupedKey = key(grouped);
		String looseKey = key(channel());
		List<Long> conversations = new ArrayList<>();
		for (int step = 0; step < 40; step++) {
			this.clock.advance(Duration.ofSeconds(1));
			int action = random.nextInt(100);
			if (action < 45) {
				conversations.add(arrive(random.nextInt(4) == 0 ? looseKey : groupedKey));
			}
			else if (action < 70) {
				closeOneOf(agents, random);
			}
			else {
				Agent agent = agents.get(random.nextInt(agents.size()));
				agent.api()
					.put("/api/v1/agents/me/status", Map.of("status", STATUSES[random.nextInt(STATUSES.length)]));
			}
			assertInvariants("seed " + seed + ", step " + step, agents, conversations);
		}
		for (Agent agent : agents) {
			agent.api().put("/api/v1/agents/me/status", Map.of("status", "online"));
		}
		String members = ids(agents.subList(0, 3).stream().map(Agent::id).toList());
		routeNow();
		int waitingGrouped = count(
				"SELECT COUNT(*) FROM conversation WHERE status = 'waiting' AND group_id IS NOT NULL " + "AND id IN ("
						+ ids(conversations) + ")");
		int waitingLoose = count("SELECT COUNT(*) FROM conversation WHERE status = 'waiting' AND group_id IS NULL "
				+ "AND id IN (" + ids(conversations) + ")");
		assertThat(waitingGrouped == 0 || room("a.user_id IN (" + members + ")") == 0)
			.as("seed %d: a grouped conversation waits while its group has room", seed)
			.isTrue();
		assertThat(waitingLoose == 0 || room("a.user_id NOT IN (SELECT user_id FROM agent_group_member)") == 0)
			.as("seed %d: a conversation in no group waits while an agent in no group has room", seed)
			.isTrue();
		assertInvariants("seed " + seed + ", at rest", agents, conversations);
	}

	private void closeOneOf(List<Agent> agents, Random random) {
		Agent agent = agents.get(random.nextInt(agents.size()));
		JsonNode mine = agent.api().get("/api/v1/conversations?view=mine").json().path("items");
		if (mine.size() > 0) {
			long id = mine.get(random.nextInt(mine.size())).path("id").asLong();
			ApiClient.Response closed = agent.api().post("/api/v1/conversations/" + id + "/close", Map.of());
			assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		}
	}

	/**
	 * The invariants, over this test's agents and conversations (the routing tests share
	 * a database).
	 */
	private void assertInvariants(String where, List<Agent> agents, List<Long> conversations) {
		String agentIds = ids(agents.stream().map(Agent::id).toList());
		String conversationIds = ids(conversations);
		assertThat(count("SELECT COUNT(*) FROM agent_profile a WHERE a.user_id IN (" + agentIds
				+ ") AND a.capacity < (SELECT COUNT(*) FROM conversation c "
				+ "WHERE c.assignee_id = a.user_id AND c.status = 'assigned')"))
			.as("%s: agents over capacity", where)
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM conversation c JOIN agent_profile a ON a.user_id = c.assignee_id "
				+ "WHERE a.user_id IN (" + agentIds
				+ ") AND a.status <> 'online' AND c.assigned_at > a.status_changed_at"))
			.as("%s: assigned after going away or offline", where)
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM conversation WHERE id IN (" + conversationIds
				+ ") AND status = 'waiting' AND assignee_id IS NOT NULL"))
			.as("%s: waiting yet assigned", where)
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM conversation c WHERE c.id IN (" + conversationIds
				+ ") AND c.assignee_id IS NOT NULL AND (SELECT COUNT(*) "
				+ "FROM chat_message m WHERE m.conversation_id = c.id AND m.event_type = 'assigned') <> 1"))
			.as("%s: conversations assigned more or less than once", where)
			.isZero();
	}

	/** Free places of the online agents matching the condition. */
	private int room(String condition) {
		return count("SELECT COALESCE(SUM(a.capacity - (SELECT COUNT(*) FROM conversation c WHERE c.assignee_id = "
				+ "a.user_id AND c.status = 'assigned')), 0) FROM agent_profile a WHERE a.status = 'online' AND "
				+ condition);
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

	private static String ids(List<Long> ids) {
		return ids.isEmpty() ? "-1" : String.join(",", ids.stream().map(String::valueOf).toList());
	}

}
