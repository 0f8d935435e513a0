package dev.parley.agents;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer timeout. Switching it on takes back every unanswered conversation in the
 * installation at the next sweep; the routing tests' database has none left over (each
 * test closes its conversations), and the sweep runs only when this test asks.
 */
class AnswerTimeoutTests extends RoutingTest {

	@Test
	void anUnansweredAssignmentGoesBackAndTheSilentAgentIsSetAway() {
		Agent first = agent(1, "online");
		Agent second = agent(1, "online");
		long channel = channel();
		group("least_busy", channel, List.of(first, second), null);
		long id = arrive(key(channel));
		eventually("assigned", () -> assignee(id) != null);
		long silent = assignee(id);
		long other = (silent == first.id()) ? second.id() : first.id();
		assertThat(admin().put("/api/v1/settings", Map.of("routing.answerTimeoutSeconds", "60")).status())
			.isEqualTo(200);
		try {
			this.clock.advance(java.time.Duration.ofSeconds(61));
			this.router.sweep();
			eventually("handed to the other agent", () -> {
				Long now = assignee(id);
				return now != null && now == other;
			});
			Agent silentAgent = (silent == first.id()) ? first : second;
			assertThat(silentAgent.api().get("/api/v1/agents/me").json().path("status").asString()).isEqualTo("away");
			assertThat(admin().get("/api/v1/conversations/" + id + "/messages").json().toString())
				.contains("\"transferred\"");
		}
		finally {
			admin().put("/api/v1/settings", Map.of("routing.answerTimeoutSeconds", "0"));
		}
	}

}
