package dev.parley.tickets;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SocketClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's ticket counts are live: when a ticket is made or changed, the staff
 * sockets of those who may see tickets get a {@code refresh} frame (topic
 * {@code tickets}) to read their counts again; a member without {@code ticket.view} hears
 * nothing of tickets.
 */
class TicketCountsLiveTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void whoMaySeeTicketsIsToldThatTheyChangedAndNobodyElse() {
		TicketFixtures f = new TicketFixtures(this.jdbc, admin());
		long customer = f.customer("Live");
		ApiClient agent = signedInAs("agent");
		String role = unique("chat-only");
		ApiClient.Response made = admin().post("/api/v1/roles",
				Map.of("name", role, "permissions", List.of("conversation.view", "conversation.reply")));
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		ApiClient chatter = signedInAs(role);
		try (SocketClient agentSocket = SocketClient.staff(this.port, agent);
				SocketClient chatterSocket = SocketClient.staff(this.port, chatter)) {

			JsonNode ticket = f.ticket(admin(), customer, Map.of("subject", "Counted live"));
			JsonNode refresh = agentSocket.expect((frame) -> frame.path("type").asString().equals("refresh"),
					"a refresh frame");
			assertThat(refresh.path("topic").asString()).isEqualTo("tickets");
			assertThat(refresh.toString()).doesNotContain("Counted live");

			// a change is told too
			ApiClient.Response changed = admin().send("PATCH", "/api/v1/tickets/" + ticket.path("id").asLong(),
					Map.of("version", ticket.path("version").asInt(), "priority", "HIGH"), "application/json");
			assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
			agentSocket.expect((frame) -> frame.path("type").asString().equals("refresh"), "a second refresh frame");

			// a ping answered after both refreshes went out: none came before its pong
			chatterSocket.assertStillUsable();
			assertThat(chatterSocket.seen()).noneMatch((frame) -> frame.path("type").asString().equals("refresh"));
		}
	}

}
