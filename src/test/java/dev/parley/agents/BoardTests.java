package dev.parley.agents;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor board shows agents, queues and conversations in progress; agents may not
 * see it.
 */
class BoardTests extends RoutingTest {

	@Test
	void showsAgentsQueuesAndWorkInProgress() {
		Agent online = agent(1, "online");
		long channel = channel();
		JsonNode group = group("least_busy", channel, List.of(online), null);
		String key = key(channel);
		long first = arrive(key);
		eventually("assigned", () -> assignee(first) != null);
		arrive(key);
		ApiClient supervisor = admin();
		eventually("one waiting in the group", () -> {
			JsonNode board = supervisor.get("/api/v1/board").json();
			for (JsonNode tile : board.path("groups")) {
				if (tile.path("id").asLong() == group.path("id").asLong()) {
					return tile.path("waiting").asInt() == 1 && tile.path("load").asInt() == 1
							&& tile.path("online").asInt() == 1;
				}
			}
			return false;
		});
		JsonNode board = supervisor.get("/api/v1/board").json();
		assertThat(board.path("conversations").findValuesAsString("id")).contains(String.valueOf(first));
		assertThat(board.path("agents").findValuesAsString("userId")).contains(String.valueOf(online.id()));
		assertThat(online.api().get("/api/v1/board").status()).isEqualTo(403);
		assertThat(online.api().get("/api/v1/agents/me").json().path("load").asInt()).isEqualTo(1);
		assertThat(online.api().put("/api/v1/agents/me/status", Map.of()).status()).isEqualTo(400);
	}

}
