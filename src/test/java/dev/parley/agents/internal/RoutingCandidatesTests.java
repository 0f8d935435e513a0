package dev.parley.agents.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.parley.agents.AgentStatus;
import dev.parley.agents.RoutingStrategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The routing decision without its queries: who has room, and in which order. */
class RoutingCandidatesTests {

	private static AgentProfile agent(long id, int capacity, long lastAssignedAt) {
		return new AgentProfile(id, null, List.of(), List.of(), capacity, AgentStatus.ONLINE, Instant.EPOCH,
				lastAssignedAt);
	}

	private static List<Long> ids(List<AgentProfile> agents) {
		return agents.stream().map(AgentProfile::userId).toList();
	}

	private final List<AgentProfile> team = List.of(agent(1, 4, 30), agent(2, 2, 10), agent(3, 5, 20), agent(4, 3, 5),
			agent(5, 4, 1));

	/** Agent 4 is full; 5 has none open. */
	private final Map<Long, Integer> loads = Map.of(1L, 1, 2L, 1, 3L, 1, 4L, 3);

	@Test
	void leastBusyGoesByShareOfCapacityThenTurnThenId() {
		// shares: 5 -> 0, 3 -> 0.2, 1 -> 0.25, 2 -> 0.5
		assertThat(ids(RoutingCandidates.rank(this.team, this.loads, RoutingStrategy.LEAST_BUSY))).containsExactly(5L,
				3L, 1L, 2L);
	}

	@Test
	void roundRobinGoesByTurnAlone() {
		assertThat(ids(RoutingCandidates.rank(this.team, this.loads, RoutingStrategy.ROUND_ROBIN))).containsExactly(5L,
				2L, 3L, 1L);
	}

	@Test
	void equalShareAndTurnFallBackToTheId() {
		List<AgentProfile> twins = List.of(agent(9, 2, 7), agent(8, 4, 7));
		assertThat(ids(RoutingCandidates.rank(twins, Map.of(9L, 1, 8L, 2), RoutingStrategy.LEAST_BUSY)))
			.containsExactly(8L, 9L);
	}

	@Test
	void nobodyWithRoomMeansNobody() {
		assertThat(RoutingCandidates.rank(List.of(agent(1, 1, 0)), Map.of(1L, 1), RoutingStrategy.LEAST_BUSY))
			.isEmpty();
		assertThat(RoutingCandidates.rank(List.of(), Map.of(), RoutingStrategy.ROUND_ROBIN)).isEmpty();
	}

}
