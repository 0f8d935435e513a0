package dev.parley.tickets;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.parley.tickets.TicketCategoryTests.mapOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merging a duplicate into its survivor, parent and child without cycles, related tickets
 * both ways, linking a further conversation of the same customer; each refused for bad
 * input and without the permission.
 */
class TicketMergeAndLinkTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMergedTicketIsClosedPointsAtTheSurvivorAndHandsOnItsFollowersAndConversations() {
		TicketFixtures f = new TicketFixtures(this.jdbc, admin());
		long customer = f.customer("Lin");
		ApiClient agent = signedInAs("agent");
		ApiClient supervisor = signedInAs("supervisor");
		long agentId = TicketFixtures.userId(agent);
		JsonNode survivor = f.ticket(agent, customer, Map.of("subject", "Parcel lost"));
		JsonNode duplicate = f.ticket(agent, customer,
				Map.of("subject", "Where is my parcel", "followers", List.of(agentId)));
		long conversation = conversationOf(customer);
		String dup = "/api/v1/tickets/" + duplicate.path("id").asLong();
		assertThat(agent.post(dup + "/conversations/" + conversation, Map.of()).status()).isEqualTo(201);
		assertThat(agent.post(dup + "/articles", Map.of("kind", "NOTE", "body", "Asked the courier")).status())
			.isEqualTo(201);

		// an agent lacks ticket.merge
		assertThat(
				agent.post(dup + "/merge", Map.of("into", survivor.path("id").asLong(), "version", version(agent, dup)))
					.status())
			.isEqualTo(403);
		// nor someone who may merge but not close: merging closes the duplicate
		String role = unique("mergers");
		assertThat(
				admin()
					.post("/api/v1/roles",
							Map.of("name", role, "permissions",
									List.of("ticket.view", "ticket.view_all", "ticket.merge")))
					.status())
			.isEqualTo(201);
		String merger = unique("merger");
		createUser(merger, role);
		ApiClient mergeOnly = client();
		mergeOnly.login(merger, INITIAL_PASSWORD);
		mergeOnly.post("/api/v1/session/password",
				Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		assertThat(mergeOnly
			.post(dup + "/merge", Map.of("into", survivor.path("id").asLong(), "version", version(agent, dup)))
			.status()).isEqualTo(403);
		// into itself, into nothing, without a version, with a stale one
		assertThat(
				supervisor.post(dup + "/merge", Map.of("into", duplicate.path("id").asLong(), "version", 0)).status())
			.isEqualTo(400);
		assertThat(supervisor.post(dup + "/merge", Map.of("into", 99999999, "version", 0)).status()).isEqualTo(400);
		assertThat(supervisor.post(dup + "/merge", Map.of("into", survivor.path("id").asLong())).status())
			.isEqualTo(400);
		assertThat(supervisor.post(dup + "/merge", Map.of("into", survivor.path("id").asLong(), "version", 99)).code())
			.isEqualTo("stale_version");

		ApiClient.Response merged = supervisor.post(dup + "/merge",
				Map.of("into", survivor.path("id").asLong(), "version", version(agent, dup)));
		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat(merged.json().path("id").asLong()).isEqualTo(survivor.path("id").asLong());
		assertThat(merged.json().path("conversations").toString()).contains(String.valueOf(conversation));
		assertThat(merged.json().path("followers").findValuesAsString("name")).hasSize(1);

		JsonNode gone = agent.get(dup).json();
		assertThat(gone.path("status").asString()).isEqualTo("CLOSED");
		assertThat(gone.path("mergedInto").asLong()).isEqualTo(survivor.path("id").asLong());
		assertThat(gone.path("mayEdit").asBoolean()).isFalse();
		String line = duplicate.path("number").asString() + " merged into " + survivor.path("number").asString();
		assertThat(agent.get(dup + "/articles").json().path("items").findValuesAsString("body")).contains(line,
				"Asked the courier");
		assertThat(agent.get("/api/v1/tickets/" + survivor.path("id").asLong() + "/articles")
			.json()
			.path("items")
			.findValuesAsString("body")).containsExactly(line);
		assertThat(agent.get(dup + "/history").json().path("items").findValuesAsString("action")).contains("merged");
		assertThat(agent.get("/api/v1/tickets/" + survivor.path("id").asLong() + "/history")
			.json()
			.path("items")
			.findValuesAsString("action")).contains("merged.from", "conversation.linked");

		// a merged ticket takes no change, no second merge, and nothing merges into it
		ApiClient.Response edit = agent.send("PATCH", dup,
				Map.of("version", gone.path("version").asInt(), "subject", "x"), "application/json");
		assertThat(edit.code()).isEqualTo("ticket_merged");
		assertThat(supervisor
			.post(dup + "/merge", Map.of("into", survivor.path("id").asLong(), "version", gone.path("version").asInt()))
			.code()).isEqualTo("ticket_merged");
		JsonNode third = f.ticket(agent, customer, Map.of());
		assertThat(supervisor
			.post("/api/v1/tickets/" + third.path("id").asLong() + "/merge",
					Map.of("into", duplicate.path("id").asLong(), "version", third.path("version").asInt()))
			.code()).isEqualTo("ticket_merged");
	}

	@Test
	void ticketsOfAnotherCustomerOrClosedOnesAreNotMergedUnlessAskedFor() {
		TicketFixtures f = new TicketFixtures(this.jdbc, admin());
		ApiClient supervisor = signedInAs("supervisor");
		long one = f.customer("Ma");
		long other = f.customer("Niu");
		JsonNode a = f.ticket(supervisor, one, Map.of());
		JsonNode b = f.ticket(supervisor, other, Map.of());
		String path = "/api/v1/tickets/" + a.path("id").asLong() + "/merge";
		ApiClient.Response refused = supervisor.post(path,
				Map.of("into", b.path("id").asLong(), "version", a.path("version").asInt()));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().toString()).contains("differentCustomer");

		JsonNode closed = f.ticket(supervisor, one, Map.of());
		supervisor.send("PATCH", "/api/v1/tickets/" + closed.path("id").asLong(),
				Map.of("version", closed.path("version").asInt(), "status", "CLOSED"), "application/json");
		assertThat(
				supervisor.post(path, Map.of("into", closed.path("id").asLong(), "version", a.path("version").asInt()))
					.code())
			.isEqualTo("ticket_closed");
		assertThat(supervisor.get("/api/v1/tickets/" + a.path("id").asLong()).json().path("status").asString())
			.isEqualTo("NEW");

		ApiClient.Response allowed = supervisor.post(path,
				Map.of("into", b.path("id").asLong(), "version", a.path("version").asInt(), "differentCustomer", true));
		assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
		assertThat(allowed.json().path("customer").path("id").asLong()).isEqualTo(other);
	}

	@Test
	void parentsChildrenAndRelatedTicketsAreShownAndCyclesRefused() {
		TicketFixtures f = new TicketFixtures(this.jdbc, admin());
		long customer = f.customer("Gao");
		ApiClient supervisor = signedInAs("supervisor");
		ApiClient agent = signedInAs("agent");
		JsonNode top = f.ticket(supervisor, customer, Map.of("subject", "Outage"));
		JsonNode middle = f.ticket(supervisor, customer, Map.of("subject", "Shop down"));
		JsonNode leaf = f.ticket(supervisor, customer, Map.of("subject", "Cannot pay"));
		long topId = top.path("id").asLong();
		long middleId = middle.path("id").asLong();
		long leafId = leaf.path("id").asLong();

		assertThat(agent.put("/api/v1/tickets/" + middleId + "/parent", Map.of("parentId", topId)).status())
			.isEqualTo(403);
		JsonNode child = supervisor.put("/api/v1/tickets/" + middleId + "/parent", Map.of("parentId", topId)).json();
		assertThat(child.path("parent").path("number").asString()).isEqualTo(top.path("number").asString());
		assertThat(supervisor.put("/api/v1/tickets/" + leafId + "/parent", Map.of("parentId", middleId)).status())
			.isEqualTo(200);
		JsonNode parent = supervisor.get("/api/v1/tickets/" + topId).json();
		assertThat(parent.path("children").findValuesAsString("subject")).containsExactly("Shop down");

		// a child of a group the agent is not in is left out for him, in one read of them
		long elsewhere = f.group(unique("Elsewhere"), List.of(TicketFixtures.userId(supervisor)));
		long hidden = f.ticket(supervisor, customer, Map.of("subject", "Refund desk", "groupId", elsewhere))
			.path("id")
			.asLong();
		assertThat(supervisor.put("/api/v1/tickets/" + hidden + "/parent", Map.of("parentId", topId)).status())
			.isEqualTo(200);
		assertThat(supervisor.get("/api/v1/tickets/" + topId).json().path("children").findValuesAsString("subject"))
			.containsExactly("Shop down", "Refund desk");
		assertThat(agent.get("/api/v1/tickets/" + topId).json().path("children").findValuesAsString("subject"))
			.containsExactly("Shop down");

		// itself, a cycle, nothing
		assertThat(supervisor.put("/api/v1/tickets/" + topId + "/parent", Map.of("parentId", topId)).status())
			.isEqualTo(400);
		ApiClient.Response cycle = supervisor.put("/api/v1/tickets/" + topId + "/parent", Map.of("parentId", leafId));
		assertThat(cycle.status()).isEqualTo(400);
		assertThat(cycle.json().toString()).contains("cycle");
		assertThat(supervisor.put("/api/v1/tickets/" + topId + "/parent", Map.of("parentId", 99999999)).status())
			.isEqualTo(400);
		assertThat(supervisor.get("/api/v1/tickets/" + topId).json().path("parent").isNull()).isTrue();
		assertThat(supervisor.put("/api/v1/tickets/" + leafId + "/parent", mapOf("parentId", null))
			.json()
			.path("parent")
			.isNull()).isTrue();

		// related, both ways, once
		assertThat(agent.post("/api/v1/tickets/" + topId + "/links/" + leafId, Map.of()).status()).isEqualTo(403);
		assertThat(supervisor.post("/api/v1/tickets/" + topId + "/links/" + leafId, Map.of()).status()).isEqualTo(201);
		assertThat(supervisor.post("/api/v1/tickets/" + leafId + "/links/" + topId, Map.of()).status()).isEqualTo(200);
		assertThat(supervisor.post("/api/v1/tickets/" + topId + "/links/" + topId, Map.of()).status()).isEqualTo(400);
		assertThat(supervisor.get("/api/v1/tickets/" + leafId).json().path("related").findValuesAsString("number"))
			.containsExactly(top.path("number").asString());
		JsonNode unlinked = supervisor.delete("/api/v1/tickets/" + topId + "/links/" + leafId).json();
		assertThat(unlinked.path("related").size()).isZero();
		assertThat(supervisor.get("/api/v1/tickets/" + leafId).json().path("related").size()).isZero();
	}

	@Test
	void onlyConversationsOfTheTicketsCustomerAreLinked() {
		TicketFixtures f = new TicketFixtures(this.jdbc, admin());
		long customer = f.customer("Hu");
		long stranger = f.customer("Xu");
		ApiClient agent = signedInAs("agent");
		JsonNode ticket = f.ticket(agent, customer, Map.of());
		String path = "/api/v1/tickets/" + ticket.path("id").asLong() + "/conversations/";
		long theirs = conversationOf(stranger);
		assertThat(agent.post(path + theirs, Map.of()).status()).isEqualTo(400);
		assertThat(agent.post(path + 99999999, Map.of()).status()).isEqualTo(404);
		long his = conversationOf(customer);
		assertThat(signedInAs("support").post(path + his, Map.of()).status()).isEqualTo(403);
		assertThat(agent.post(path + his, Map.of()).status()).isEqualTo(201);
		assertThat(agent.post(path + his, Map.of()).status()).isEqualTo(200);
		assertThat(agent.get("/api/v1/tickets/" + ticket.path("id").asLong()).json().path("conversations").toString())
			.isEqualTo("[" + his + "]");
	}

	private static int version(ApiClient as, String path) {
		return as.get(path).json().path("version").asInt();
	}

	/** A conversation of the customer. */
	private long conversationOf(long customerId) {
		return new TicketFixtures(this.jdbc, admin()).conversation(client(), customerId);
	}

}
