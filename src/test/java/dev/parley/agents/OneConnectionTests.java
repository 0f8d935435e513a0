package dev.parley.agents;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main paths on a pool of one database connection. Code that holds a pooled
 * connection while asking for another (a query inside another query's row mapper, a
 * second transaction inside the first) deadlocks here at once and fails within the
 * two-second wait, where in production it only shows under load: the whole pool held by
 * callers each waiting for one more (the benchmark's burst on PostgreSQL found two).
 * Every read path is here: transcripts, notes with their mentions, search, the lists, the
 * board, a visitor's history, the administration pages, and the sockets' sync.
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
		Agent colleague = agent(5, "offline");
		long channel = channel();
		long group = group("least_busy", channel, List.of(agent), null).path("id").asLong();
		String key = key(channel);

		ApiClient.Response arrived = client().post("/api/v1/widget/channels/" + key + "/visitors", Map.of());
		assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
		String token = arrived.json().path("token").asString();
		long visitorId = arrived.json().path("visitor").path("id").asLong();
		ApiClient visitor = client().withHeader("X-Parley-Visitor", token);
		ApiClient.Response started = visitor.post("/api/v1/widget/conversations", Map.of("question", "Hello?"));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		long conversation = started.json().path("id").asLong();
		eventually("routed to the agent", () -> Long.valueOf(agent.id()).equals(assignee(conversation)));
		String path = "/api/v1/conversations/" + conversation;

		ApiClient.Response answer = agent.api()
			.post(path + "/messages", Map.of("clientId", "a-1", "text", "How can I help?"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		ApiClient.Response reply = visitor.post("/api/v1/widget/conversations/" + conversation + "/messages",
				Map.of("clientId", "v-1", "text", "Where is my parcel 7Q-OKAPI?"));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		ApiClient.Response note = agent.api()
			.post(path + "/notes", Map.of("text", "Ask @" + colleague.username() + " and @" + agent.username()));
		assertThat(note.status()).as(note.toString()).isEqualTo(201);

		// every read path, on the staff side and the visitor's, over HTTP and the sockets
		ApiClient admin = admin();
		for (String read : List.of(path, path + "/messages?after=0&limit=200", path + "/notes",
				"/api/v1/conversations/search?q=okapi", "/api/v1/conversations?view=mine",
				"/api/v1/conversations?view=open", "/api/v1/conversations?view=waiting",
				"/api/v1/conversations?view=closed", "/api/v1/conversations/channels",
				"/api/v1/visitors/" + visitorId + "/conversations", "/api/v1/board", "/api/v1/agents", "/api/v1/groups",
				"/api/v1/groups/" + group, "/api/v1/shifts", "/api/v1/canned-responses", "/api/v1/users",
				"/api/v1/roles", "/api/v1/audit-events?limit=50", "/api/v1/settings", "/api/v1/channels")) {
			ApiClient.Response response = admin.get(read);
			assertThat(response.status()).as(read + ": " + response).isEqualTo(200);
		}
		assertThat(admin.get(path + "/notes").json().get(0).path("mentions")).hasSize(2);
		assertThat(admin.get("/api/v1/conversations/search?q=okapi").json().path("items")).hasSize(1);
		for (String read : List.of("/api/v1/widget/channels/" + key,
				"/api/v1/widget/conversations/" + conversation + "/messages?after=0&limit=200")) {
			ApiClient.Response response = visitor.get(read);
			assertThat(response.status()).as(read + ": " + response).isEqualTo(200);
		}
		try (SocketClient staff = SocketClient.staff(this.port, agent.api());
				SocketClient customer = SocketClient.visitor(this.port, token)) {
			staff.send(Map.of("type", "sync", "conversationId", conversation, "afterSeq", 0));
			staff.expect("synced");
			customer.send(Map.of("type", "sync", "conversationId", conversation, "afterSeq", 0));
			customer.expect("synced");
		}

		ApiClient.Response moved = agent.api()
			.post(path + "/transfer", Map.of("toAgentId", colleague.id(), "note", "Over to you"));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		ApiClient.Response closed = colleague.api().post(path + "/close", Map.of());
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

		long manual = channel();
		group("manual", manual, List.of(agent), null);
		ApiClient queued = visitor(key(manual));
		long waiting = queued.post("/api/v1/widget/conversations", Map.of()).json().path("id").asLong();
		ApiClient.Response place = queued.get("/api/v1/widget/conversations/" + waiting + "/queue");
		assertThat(place.status()).as(place.toString()).isEqualTo(200);
		assertThat(admin.get("/api/v1/conversations?view=waiting").status()).isEqualTo(200);
	}

}
