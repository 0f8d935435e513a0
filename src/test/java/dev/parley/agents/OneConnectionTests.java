package dev.parley.agents;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main paths on a pool of one database connection. Code that holds a pooled
 * connection while asking for another (a query inside another query's row mapper, a
 * second transaction inside the first) deadlocks here at once and fails within the
 * two-second wait, where in production it only shows under load: the whole pool held by
 * callers each waiting for one more (the benchmark's burst on PostgreSQL found two).
 */
@TestPropertySource(properties = { "parley.test.database=jdbc:h2:mem:one-connection;DB_CLOSE_DELAY=-1",
		"spring.datasource.url=${parley.test.database}", "spring.datasource.hikari.maximum-pool-size=1",
		// Flyway holds two connections while it migrates: it gets its own, outside the
		// pool
		"spring.flyway.url=${parley.test.database}", "spring.flyway.user=parley",
		"spring.datasource.hikari.connection-timeout=2000", "parley.routing.sweep=1s",
		"parley.test.context=one-connection" })
class OneConnectionTests extends RoutingTest {

	@Test
	void signInRoutingChattingAndAdministrationNeedOneConnectionAtATime() {
		Agent agent = agent(5, "online");
		long channel = channel();
		long group = group("least_busy", channel, List.of(agent), null).path("id").asLong();
		String key = key(channel);

		ApiClient visitor = visitor(key);
		ApiClient.Response started = visitor.post("/api/v1/widget/conversations", Map.of("question", "Hello?"));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		long conversation = started.json().path("id").asLong();
		eventually("routed to the agent", () -> Long.valueOf(agent.id()).equals(assignee(conversation)));

		ApiClient.Response answer = agent.api()
			.post("/api/v1/conversations/" + conversation + "/messages",
					Map.of("clientId", "a-1", "text", "How can I help?"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		ApiClient.Response reply = visitor.post("/api/v1/widget/conversations/" + conversation + "/messages",
				Map.of("clientId", "v-1", "text", "Where is my order?"));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);

		assertThat(admin().get("/api/v1/groups/" + group).status()).isEqualTo(200);
		assertThat(admin().get("/api/v1/roles").status()).isEqualTo(200);
		assertThat(admin().get("/api/v1/board").status()).isEqualTo(200);
		ApiClient.Response closed = agent.api().post("/api/v1/conversations/" + conversation + "/close", Map.of());
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
	}

}
