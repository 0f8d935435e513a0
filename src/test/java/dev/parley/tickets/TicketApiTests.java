package dev.parley.tickets;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticket API: creating, changing fields under optimistic locking, the flow with its
 * permissions, assignment and transfer with a reason, replies and notes, the history, and
 * bad input that changes nothing.
 */
class TicketApiTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private TicketFixtures fixtures() {
		return new TicketFixtures(this.jdbc, admin());
	}

	@Test
	void anAgentCreatesATicketRepliesAndSolvesItAndEveryStepIsInTheHistory() {
		TicketFixtures f = fixtures();
		long customer = f.customer("王芳");
		ApiClient agent = signedInAs("agent");
		long me = TicketFixtures.userId(agent);
		JsonNode created = f.ticket(agent, customer, Map.of("subject", "退款 for order 1001", "description", "Paid twice",
				"priority", "HIGH", "tags", List.of(" Refund ", "refund", "VIP"), "origin", "PHONE"));
		assertThat(created.path("number").asString()).matches("T-\\d{4}-\\d{6,}");
		assertThat(created.path("status").asString()).isEqualTo("NEW");
		assertThat(created.path("origin").asString()).isEqualTo("PHONE");
		assertThat(created.path("customer").path("name").asString()).isEqualTo("王芳");
		assertThat(created.path("tags").toString()).isEqualTo("[\"refund\",\"vip\"]");
		long id = created.path("id").asLong();

		JsonNode taken = agent
			.send("PATCH", "/api/v1/tickets/" + id,
					Map.of("version", created.path("version").asInt(), "assigneeId", me), "application/json")
			.json();
		assertThat(taken.path("assignee").path("id").asLong()).isEqualTo(me);

		ApiClient.Response replied = agent.post("/api/v1/tickets/" + id + "/articles",
				Map.of("kind", "REPLY", "body", "We refunded it.", "clientId", "c-1", "status", "PENDING"));
		assertThat(replied.status()).as(replied.toString()).isEqualTo(201);
		assertThat(replied.json().path("ticket").path("status").asString()).isEqualTo("PENDING");
		assertThat(replied.json().path("ticket").path("pendingOn").asString()).isEqualTo("CUSTOMER");
		assertThat(replied.json().path("ticket").path("firstRespondedAt").isNull()).isFalse();
		ApiClient.Response again = agent.post("/api/v1/tickets/" + id + "/articles",
				Map.of("kind", "REPLY", "body", "We refunded it.", "clientId", "c-1"));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("article").path("id").asLong())
			.isEqualTo(replied.json().path("article").path("id").asLong());
		assertThat(agent.post("/api/v1/tickets/" + id + "/articles", Map.of("kind", "NOTE", "body", "Checked the bank"))
			.status()).isEqualTo(201);

		JsonNode pending = agent.get("/api/v1/tickets/" + id).json();
		JsonNode solved = agent
			.send("PATCH", "/api/v1/tickets/" + id,
					Map.of("version", pending.path("version").asInt(), "status", "SOLVED"), "application/json")
			.json();
		assertThat(solved.path("status").asString()).isEqualTo("SOLVED");
		assertThat(solved.path("solvedAt").isNull()).isFalse();
		assertThat(solved.path("allowedStatuses").toString()).contains("OPEN").doesNotContain("CLOSED");

		JsonNode articles = agent.get("/api/v1/tickets/" + id + "/articles").json().path("items");
		assertThat(articles.findValuesAsString("kind")).containsExactly("REPLY", "NOTE");
		assertThat(articles.get(0).path("authorName").asString()).startsWith("User agent-");
		JsonNode history = agent.get("/api/v1/tickets/" + id + "/history").json().path("items");
		assertThat(history.findValuesAsString("action")).containsExactly("created", "assigned", "article.reply",
				"status", "article.note", "status");
		assertThat(history.get(5).path("newValue").asString()).isEqualTo("SOLVED");
		assertThat(history.get(5).path("actor").asString()).startsWith("User agent-");
	}

	@Test
	void twoAgentsChangingOneTicketAtOnceGetAConflictAndNothingIsOverwritten() {
		TicketFixtures f = fixtures();
		JsonNode t = f.ticket(admin(), f.customer("Li"), Map.of());
		ApiClient ann = signedInAs("supervisor");
		ApiClient bob = signedInAs("supervisor");
		int version = t.path("version").asInt();
		String path = "/api/v1/tickets/" + t.path("id").asLong();
		assertThat(
				ann.send("PATCH", path, Map.of("version", version, "priority", "URGENT"), "application/json").status())
			.isEqualTo(200);
		ApiClient.Response late = bob.send("PATCH", path, Map.of("version", version, "subject", "Other"),
				"application/json");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().path("code").asString()).isEqualTo("stale_version");
		assertThat(late.json().path("version").asInt()).isEqualTo(version + 1);
		JsonNode now = bob.get(path).json();
		assertThat(now.path("priority").asString()).isEqualTo("URGENT");
		assertThat(now.path("subject").asString()).isEqualTo("Refund for order 1001");
	}

	@Test
	void badInputIsRefusedWithAClearProblemAndChangesNothing() {
		TicketFixtures f = fixtures();
		long customer = f.customer("Zhao");
		ApiClient agent = signedInAs("agent");
		assertThat(agent.post("/api/v1/tickets", Map.of("customerId", customer, "subject", "Line\r\nBcc: x@evil.com"))
			.json()
			.path("code")
			.asString()).isEqualTo("validation_failed");
		assertThat(agent.post("/api/v1/tickets", Map.of("customerId", 99999999, "subject", "x")).status())
			.isEqualTo(400);
		assertThat(
				agent.post("/api/v1/tickets", Map.of("customerId", customer, "subject", "x", "color", "red")).status())
			.isEqualTo(400);
		assertThat(agent.post("/api/v1/tickets", Map.of("customerId", customer, "subject", "x", "priority", "HUGE"))
			.status()).isEqualTo(400);
		assertThat(agent.post("/api/v1/tickets", Map.of("customerId", customer, "subject", "x", "groupId", 99999999))
			.status()).isEqualTo(400);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM ticket WHERE customer_id = ?")
			.param(customer)
			.query(Integer.class)
			.single()).isZero();

		JsonNode t = f.ticket(agent, customer, Map.of());
		String path = "/api/v1/tickets/" + t.path("id").asLong();
		int version = t.path("version").asInt();
		ApiClient.Response unknown = agent.send("PATCH", path, Map.of("version", version, "status", "WAITING"),
				"application/json");
		assertThat(unknown.status()).isEqualTo(400);
		ApiClient.Response backToNew = agent.send("PATCH", path, Map.of("version", version, "status", "NEW"),
				"application/json");
		assertThat(backToNew.status()).isEqualTo(200);
		ApiClient.Response forbiddenMove = admin().send("PATCH", path, Map.of("version", version, "status", "SOLVED"),
				"application/json");
		assertThat(forbiddenMove.status()).isEqualTo(200);
		JsonNode solved = forbiddenMove.json();
		ApiClient.Response invalid = admin().send("PATCH", path,
				Map.of("version", solved.path("version").asInt(), "status", "PENDING"), "application/json");
		assertThat(invalid.status()).isEqualTo(409);
		assertThat(invalid.json().path("code").asString()).isEqualTo("invalid_transition");
		JsonNode closed = admin()
			.send("PATCH", path, Map.of("version", solved.path("version").asInt(), "status", "CLOSED"),
					"application/json")
			.json();
		ApiClient.Response toClosed = agent.post(path + "/articles", Map.of("kind", "REPLY", "body", "Hello?"));
		assertThat(toClosed.status()).isEqualTo(409);
		assertThat(toClosed.json().path("code").asString()).isEqualTo("ticket_closed");
		ApiClient.Response edit = admin().send("PATCH", path,
				Map.of("version", closed.path("version").asInt(), "subject", "Changed"), "application/json");
		assertThat(edit.json().path("code").asString()).isEqualTo("ticket_closed");
		assertThat(agent.post(path + "/articles", Map.of("kind", "SHOUT", "body", "x")).status()).isEqualTo(400);
		assertThat(agent.get(path + "/articles").json().path("items").size()).isZero();
	}

	@Test
	void whoMayDoWhatIsDecidedByThePermissionsAndRefusedByTheApi() {
		TicketFixtures f = fixtures();
		long customer = f.customer("Qian");
		ApiClient agent = signedInAs("agent");
		ApiClient other = signedInAs("agent");
		long otherId = TicketFixtures.userId(other);
		JsonNode t = f.ticket(agent, customer, Map.of());
		String path = "/api/v1/tickets/" + t.path("id").asLong();
		int version = t.path("version").asInt();
		// an agent may not assign to someone else (ticket.assign) nor close
		// (ticket.close)
		assertThat(agent.send("PATCH", path, Map.of("version", version, "assigneeId", otherId), "application/json")
			.status()).isEqualTo(403);
		assertThat(
				agent.send("PATCH", path, Map.of("version", version, "status", "CLOSED"), "application/json").status())
			.isEqualTo(403);
		// nor create a complaint without complaint.handle: the agent role has it, support
		// has none
		ApiClient support = signedInAs("support");
		assertThat(support.post("/api/v1/tickets", Map.of("customerId", customer, "subject", "x")).status())
			.isEqualTo(403);
		assertThat(support.get(path).status()).isEqualTo(403);

		// a ticket of a group one is not in is not found
		ApiClient outsider = signedInAs("agent");
		long group = f.group(unique("Billing"), List.of(TicketFixtures.userId(agent)));
		JsonNode grouped = f.ticket(admin(), customer, Map.of("groupId", group));
		assertThat(outsider.get("/api/v1/tickets/" + grouped.path("id").asLong()).status()).isEqualTo(404);
		assertThat(agent.get("/api/v1/tickets/" + grouped.path("id").asLong()).status()).isEqualTo(200);
		assertThat(signedInAs("supervisor").get("/api/v1/tickets/" + grouped.path("id").asLong()).status())
			.isEqualTo(200);

		// the agent takes it, then hands it on to a colleague: only with a reason
		long agentId = TicketFixtures.userId(agent);
		JsonNode mine = agent
			.send("PATCH", "/api/v1/tickets/" + grouped.path("id").asLong(),
					Map.of("version", grouped.path("version").asInt(), "assigneeId", agentId), "application/json")
			.json();
		long second = f.group(unique("Refunds"), List.of(otherId));
		ApiClient.Response noReason = agent.send("PATCH", "/api/v1/tickets/" + mine.path("id").asLong(),
				Map.of("version", mine.path("version").asInt(), "groupId", second), "application/json");
		assertThat(noReason.status()).isEqualTo(400);
		JsonNode moved = agent.send("PATCH", "/api/v1/tickets/" + mine.path("id").asLong(),
				Map.of("version", mine.path("version").asInt(), "groupId", second, "reason", "Refunds handles this"),
				"application/json")
			.json();
		assertThat(moved.path("group").path("id").asLong()).isEqualTo(second);
		assertThat(moved.path("assignee").isNull()).isTrue();
		JsonNode history = admin().get("/api/v1/tickets/" + mine.path("id").asLong() + "/history").json().path("items");
		assertThat(history.get(history.size() - 2).path("action").asString()).isEqualTo("transferred");
		assertThat(history.get(history.size() - 2).path("detail").asString()).isEqualTo("Refunds handles this");
	}

	@Test
	void aTicketMadeFromAConversationCarriesItsCustomerAndLinksIt() {
		ApiClient admin = admin();
		JsonNode channel = admin
			.post("/api/v1/channels", Map.of("kind", "website", "name", unique("Shop"), "allowedOrigins",
					List.of("https://shop.example.com"), "prechatEnabled", false))
			.json();
		JsonNode arrived = client()
			.post("/api/v1/widget/channels/" + channel.path("key").asString() + "/visitors", Map.of())
			.json();
		ApiClient widget = client().withHeader("X-Parley-Visitor", arrived.path("token").asString());
		long conversation = widget
			.post("/api/v1/widget/conversations", Map.of("question", "My parcel never arrived", "name", "Sun Li"))
			.json()
			.path("id")
			.asLong();
		ApiClient agent = signedInAs("agent");
		ApiClient.Response made = agent.post("/api/v1/conversations/" + conversation + "/ticket", Map.of());
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		assertThat(made.json().path("subject").asString()).isEqualTo("My parcel never arrived");
		assertThat(made.json().path("origin").asString()).isEqualTo("CHAT");
		assertThat(made.json().path("conversations").toString()).isEqualTo("[" + conversation + "]");
		assertThat(made.json().path("customer").path("name").asString()).isEqualTo("Sun Li");
		assertThat(agent.post("/api/v1/conversations/99999999/ticket", Map.of()).status()).isEqualTo(404);
		// once it is another agent's chat, a colleague who may not open it cannot make
		// tickets of it
		fixtures().take(agent, conversation);
		ApiClient colleague = signedInAs("agent");
		assertThat(colleague.post("/api/v1/conversations/" + conversation + "/ticket", Map.of()).status())
			.isEqualTo(404);
	}

	@Test
	void twoAgentsReplyingAtOnceBothSucceedAndNeitherReplyIsLost() throws Exception {
		TicketFixtures f = fixtures();
		JsonNode t = f.ticket(admin(), f.customer("Zhou"), Map.of());
		String path = "/api/v1/tickets/" + t.path("id").asLong() + "/articles";
		ApiClient ann = signedInAs("agent");
		ApiClient bob = signedInAs("agent");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				int n = i;
				sent.add(pool.submit(() -> ann.post(path, Map.of("kind", "REPLY", "body", "Ann " + n)).status()));
				sent.add(pool.submit(() -> bob.post(path, Map.of("kind", "NOTE", "body", "Bob " + n)).status()));
			}
			for (java.util.concurrent.Future<Integer> status : sent) {
				assertThat(status.get()).isEqualTo(201);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(ann.get(path).json().path("items").size()).isEqualTo(16);
		assertThat(ann.get("/api/v1/tickets/" + t.path("id").asLong()).json().path("status").asString())
			.isEqualTo("OPEN");
	}

	@Test
	void aPublicReplyAlsoGoesByTextMessageWhenTheAgentChoosesIt() {
		ApiClient agent = signedInAs("agent");
		long customer = agent
			.post("/api/v1/customers",
					Map.of("name", "Ma", "addContacts", List.of(Map.of("kind", "PHONE", "value", "+86 13700001111"))))
			.json()
			.path("id")
			.asLong();
		String path = "/api/v1/tickets/" + fixtures().ticket(agent, customer, Map.of()).path("id").asLong()
				+ "/articles";
		long texted = agent.post(path, Map.of("kind", "REPLY", "body", "Refunded", "sms", true))
			.json()
			.path("article")
			.path("id")
			.asLong();
		long mailed = agent.post(path, Map.of("kind", "REPLY", "body", "Anything else?"))
			.json()
			.path("article")
			.path("id")
			.asLong();
		assertThat(this.jdbc.sql("SELECT channel FROM notification WHERE idempotency_key IN (?, ?)")
			.params("ticket-reply-sms:" + texted, "ticket-reply-sms:" + mailed)
			.query(String.class)
			.list()).containsExactly("SMS");
		assertThat(agent.post(path, Map.of("kind", "NOTE", "body", "x", "sms", true)).status()).isEqualTo(400);
	}

	@Test
	void reviewFindingsStayFixed() {
		TicketFixtures f = fixtures();
		long customer = f.customer("Review");
		ApiClient admin = admin();
		// a number beyond an int or a long is a 400, not a 500
		JsonNode t = f.ticket(admin, customer, Map.of());
		String path = "/api/v1/tickets/" + t.path("id").asLong();
		assertThat(admin.send("PATCH", path, "{\"version\":3000000000}", "application/json").status()).isEqualTo(400);
		assertThat(admin
			.send("POST", "/api/v1/tickets", "{\"subject\":\"x\",\"customerId\":100000000000000000000}",
					"application/json")
			.status()).isEqualTo(400);
		// tags and followers need ticket.edit, not only ticket.view
		String role = unique("readers");
		ApiClient.Response made = admin.post("/api/v1/roles",
				Map.of("name", role, "permissions", List.of("ticket.view", "ticket.view_all")));
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		String reader = unique("reader");
		createUser(reader, role);
		ApiClient readOnly = client();
		readOnly.login(reader, INITIAL_PASSWORD);
		readOnly.post("/api/v1/session/password",
				Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		assertThat(readOnly.get(path).status()).isEqualTo(200);
		assertThat(readOnly
			.send("PATCH", path, Map.of("version", t.path("version").asInt(), "tags", List.of("x")), "application/json")
			.status()).isEqualTo(403);
		assertThat(admin.get(path).json().path("tags").size()).isZero();
		// a public reply that closes the ticket records when it closed
		JsonNode closed = admin.post(path + "/articles", Map.of("kind", "REPLY", "body", "Done", "status", "CLOSED"))
			.json()
			.path("ticket");
		assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("closedAt").isNull()).isFalse();
	}

	@Test
	void whenTwoCustomerRecordsAreMergedTheTicketsFollowTheSurvivor() {
		TicketFixtures f = fixtures();
		long survivor = f.customer("Survivor");
		long merged = f.customer("Merged");
		ApiClient admin = admin();
		long id = f.ticket(admin, merged, Map.of()).path("id").asLong();
		ApiClient.Response merge = admin.post("/api/v1/customers/" + survivor + "/merge", Map.of("otherId", merged));
		assertThat(merge.status()).as(merge.toString()).isEqualTo(200);
		long kept = merge.json().path("id").asLong();
		eventsHandled();
		assertThat(this.jdbc.sql("SELECT customer_id FROM ticket WHERE id = ?").param(id).query(Long.class).single())
			.isEqualTo(kept);
		assertThat(admin.get("/api/v1/tickets/" + id + "/history").json().path("items").findValuesAsString("action"))
			.contains("customer.merged");
	}

	@Test
	void anAgentTakesAnUngroupedTicketIntoOneOfHisGroupsInOneStepButNotIntoAnother() {
		TicketFixtures f = fixtures();
		ApiClient agent = signedInAs("agent");
		long me = TicketFixtures.userId(agent);
		long mine = f.group(unique("Mine"), List.of(me));
		long other = f.group(unique("Other"), List.of(TicketFixtures.userId(signedInAs("agent"))));
		JsonNode t = f.ticket(admin(), f.customer("Take"), Map.of());
		String path = "/api/v1/tickets/" + t.path("id").asLong();
		assertThat(agent
			.send("PATCH", path, Map.of("version", t.path("version").asInt(), "assigneeId", me, "groupId", other),
					"application/json")
			.status()).isEqualTo(400);
		ApiClient.Response taken = agent.send("PATCH", path,
				Map.of("version", t.path("version").asInt(), "assigneeId", me, "groupId", mine), "application/json");
		assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
		assertThat(taken.json().path("group").path("id").asLong()).isEqualTo(mine);
		assertThat(taken.json().path("assignee").path("id").asLong()).isEqualTo(me);
	}

}
