package dev.parley.tickets.portal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.customers.portal.PortalTest;
import dev.parley.platform.PersonalData;
import dev.parley.testing.ApiClient;
import dev.parley.tickets.TicketFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A portal customer's tickets: only his own (another's is not found), the public articles
 * only, agents by their public name only; his replies (idempotent, reopening a solved
 * ticket), marking solved, new tickets (bounded per hour), a closed ticket's refusal, a
 * blocked customer's, and bad input that changes nothing.
 */
class PortalTicketsTests extends PortalTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personal;

	/** A portal customer signed in, and his customer record. */
	record Customer(ApiClient client, long id) {
	}

	Customer portalCustomer(String prefix) {
		ApiClient client = client();
		long id = PortalCustomers.signedIn(client, mail, this.jdbc, this.personal, unique(prefix) + "@example.com");
		return new Customer(client, id);
	}

	private ApiClient.Response reply(ApiClient client, long ticket, String clientId, String text) {
		return client.post("/api/v1/portal/tickets/" + ticket + "/replies", Map.of("clientId", clientId, "text", text));
	}

	private int articles(long ticket) {
		return this.jdbc.sql("SELECT COUNT(*) FROM ticket_article WHERE ticket_id = ?")
			.param(ticket)
			.query(Integer.class)
			.single();
	}

	private String status(long ticket) {
		return this.jdbc.sql("SELECT status FROM ticket WHERE id = ?").param(ticket).query(String.class).single();
	}

	@Test
	void aCustomerSeesOnlyHisTicketsNewestFirstWithoutNotesAndAgentsByPublicName() {
		Customer me = portalCustomer("mine");
		Customer stranger = portalCustomer("stranger");
		TicketFixtures f = new TicketFixtures(this.jdbc, admin());
		ApiClient agent = signedInAs("agent");
		long agentId = TicketFixtures.userId(agent);
		assertThat(admin()
			.put("/api/v1/agents/" + agentId,
					Map.of("publicName", "Lily", "languages", List.of(), "skills", List.of(), "capacity", 3))
			.status()).isEqualTo(200);
		long first = f.ticket(agent, me.id(), Map.of("subject", "Refund for order 1001")).path("id").asLong();
		this.clock.advance(java.time.Duration.ofMinutes(1));
		long second = f.ticket(agent, me.id(), Map.of("subject", "Broken screen", "assigneeId", agentId))
			.path("id")
			.asLong();
		f.ticket(agent, stranger.id(), Map.of("subject", "Not yours"));
		assertThat(agent
			.post("/api/v1/tickets/" + second + "/articles",
					Map.of("kind", "NOTE", "body", "Internal: he is a VIP, be careful"))
			.status()).isEqualTo(201);
		assertThat(agent
			.post("/api/v1/tickets/" + second + "/articles", Map.of("kind", "REPLY", "body", "We are looking into it."))
			.status()).isEqualTo(201);

		JsonNode page = me.client().get("/api/v1/portal/tickets?limit=1").json();
		assertThat(page.path("items")).hasSize(1);
		assertThat(page.path("items").get(0).path("id").asLong()).isEqualTo(second);
		JsonNode older = me.client()
			.get("/api/v1/portal/tickets?limit=1&before=" + page.path("next").asString())
			.json();
		assertThat(older.path("items").get(0).path("id").asLong()).isEqualTo(first);
		assertThat(older.path("next").isNull()).isTrue();
		assertThat(me.client().get("/api/v1/portal/tickets?before=x-1").status()).isEqualTo(400);

		ApiClient.Response opened = me.client().get("/api/v1/portal/tickets/" + second);
		assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
		assertThat(opened.body()).doesNotContain("VIP", "User agent-", "agent-");
		assertThat(opened.json().path("agentName").asString()).isEqualTo("Lily");
		assertThat(opened.json().path("descriptionSide").asString()).as("staff made it for him").isEqualTo("agent");
		JsonNode lines = opened.json().path("lines");
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0).path("body").asString()).isEqualTo("We are looking into it.");
		assertThat(lines.get(0).path("name").asString()).isEqualTo("Lily");
		assertThat(lines.get(0).path("side").asString()).isEqualTo("agent");

		assertThat(stranger.client().get("/api/v1/portal/tickets/" + second).status()).isEqualTo(404);
		assertThat(reply(stranger.client(), second, "s-1", "Let me in").status()).isEqualTo(404);
		assertThat(stranger.client().post("/api/v1/portal/tickets/" + second + "/solved", Map.of()).status())
			.isEqualTo(404);
		assertThat(stranger.client().get("/api/v1/portal/tickets").json().path("items")).hasSize(1);
		assertThat(client().get("/api/v1/portal/tickets").status()).isEqualTo(401);
		assertThat(agent.get("/api/v1/portal/tickets").status()).as("a console session is no portal session")
			.isEqualTo(401);
		assertThat(articles(second)).isEqualTo(2);
	}

	@Test
	void heRepliesOnceForAClientIdMarksSolvedAndAReplyReopensIt() {
		Customer me = portalCustomer("reply");
		ApiClient.Response created = me.client()
			.post("/api/v1/portal/tickets", Map.of("subject", "Wrong size", "description", "I got an S, not an M"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		assertThat(created.json().path("status").asString()).isEqualTo("NEW");
		assertThat(created.json().path("descriptionSide").asString()).isEqualTo("customer");
		assertThat(this.jdbc.sql("SELECT origin FROM ticket WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("PORTAL");

		ApiClient.Response written = reply(me.client(), id, "c-1", "Any news?");
		assertThat(written.status()).as(written.toString()).isEqualTo(201);
		assertThat(reply(me.client(), id, "c-1", "Any news?").status()).isEqualTo(201);
		assertThat(articles(id)).as("the resend stored nothing").isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT via FROM ticket_article WHERE ticket_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("PORTAL");

		ApiClient.Response solved = me.client().post("/api/v1/portal/tickets/" + id + "/solved", Map.of());
		assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
		assertThat(solved.json().path("status").asString()).isEqualTo("SOLVED");
		assertThat(solved.json().path("maySolve").asBoolean()).isFalse();
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = ? AND actor = ? AND new_value = ?")
					.params(id, "customer:" + me.id(), "SOLVED")
					.query(Integer.class)
					.single())
			.isEqualTo(1);

		ApiClient.Response reopened = reply(me.client(), id, "c-2", "It is broken again");
		assertThat(reopened.status()).isEqualTo(201);
		assertThat(reopened.json().path("status").asString()).isEqualTo("OPEN");
		assertThat(status(id)).isEqualTo("OPEN");
	}

	@Test
	void aClosedTicketTakesNoReplyAndBadInputChangesNothing() {
		Customer me = portalCustomer("closed");
		long id = me.client()
			.post("/api/v1/portal/tickets", Map.of("subject", "Invoice", "description", "Please send it again"))
			.json()
			.path("id")
			.asLong();
		JsonNode ticket = admin().get("/api/v1/tickets/" + id).json();
		assertThat(admin()
			.send("PATCH", "/api/v1/tickets/" + id,
					Map.of("version", ticket.path("version").asInt(), "status", "CLOSED"), "application/json")
			.status()).isEqualTo(200);

		ApiClient.Response refused = reply(me.client(), id, "c-1", "Hello?");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("ticket_closed_customer");
		assertThat(refused.json().path("detail").asString()).contains("open a new ticket");
		assertThat(me.client().post("/api/v1/portal/tickets/" + id + "/solved", Map.of()).status()).isEqualTo(409);
		assertThat(me.client().get("/api/v1/portal/tickets/" + id).json().path("mayReply").asBoolean()).isFalse();
		assertThat(articles(id)).isZero();
		assertThat(status(id)).isEqualTo("CLOSED");

		int before = tickets(me.id());
		Map<String, Object> tooLong = new HashMap<>();
		tooLong.put("subject", "x".repeat(251));
		tooLong.put("description", "d");
		for (Object bad : List.of(Map.of(), Map.of("subject", "No text"), Map.of("subject", " ", "description", "d"),
				tooLong, Map.of("subject", "Two\r\nBcc: x@example.com", "description", "d"),
				Map.of("subject", "s", "description", "d", "customerId", 1),
				Map.of("subject", 5, "description", "d"))) {
			ApiClient.Response answer = me.client().post("/api/v1/portal/tickets", bad);
			assertThat(answer.status()).as(bad + " -> " + answer).isEqualTo(400);
		}
		assertThat(me.client().sendRaw("POST", "/api/v1/portal/tickets", "[1]", "application/json").status())
			.isEqualTo(400);
		assertThat(me.client().sendRaw("POST", "/api/v1/portal/tickets", "{", "application/json").status())
			.isEqualTo(400);
		long open = me.client()
			.post("/api/v1/portal/tickets", Map.of("subject", "Open one", "description", "d"))
			.json()
			.path("id")
			.asLong();
		assertThat(reply(me.client(), open, " ", "text").status()).isEqualTo(400);
		assertThat(reply(me.client(), open, "c-1", "  ").status()).isEqualTo(400);
		assertThat(reply(me.client(), open, "x".repeat(65), "text").status()).isEqualTo(400);
		assertThat(reply(me.client(), open, "c-2", "x".repeat(10_001)).status()).isEqualTo(400);
		assertThat(me.client().get("/api/v1/portal/tickets/abc").status()).isEqualTo(400);
		assertThat(me.client().get("/api/v1/portal/tickets/999999999").status()).isEqualTo(404);
		assertThat(articles(open)).isZero();
		assertThat(tickets(me.id())).isEqualTo(before + 1);
	}

	@Test
	void aBlockedCustomerReadsButWritesNothingAndNewTicketsAreBoundedPerHour() {
		Customer me = portalCustomer("blocked");
		long id = me.client()
			.post("/api/v1/portal/tickets", Map.of("subject", "Order 7", "description", "Late"))
			.json()
			.path("id")
			.asLong();
		assertThat(admin().post("/api/v1/customers/" + me.id() + "/block", Map.of("reason", "Spam links")).status())
			.isEqualTo(200);
		ApiClient.Response refused = reply(me.client(), id, "c-1", "Buy cheap watches");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("customer_blocked");
		assertThat(me.client().post("/api/v1/portal/tickets", Map.of("subject", "Spam", "description", "Spam")).code())
			.isEqualTo("customer_blocked");
		assertThat(me.client().post("/api/v1/portal/tickets/" + id + "/solved", Map.of()).code())
			.isEqualTo("customer_blocked");
		assertThat(me.client().get("/api/v1/portal/tickets/" + id).status()).isEqualTo(200);
		assertThat(articles(id)).isZero();
		assertThat(tickets(me.id())).isEqualTo(1);
		assertThat(admin().delete("/api/v1/customers/" + me.id() + "/block").status()).isIn(200, 204);

		for (int i = 1; i < 10; i++) {
			assertThat(me.client()
				.post("/api/v1/portal/tickets", Map.of("subject", "Question " + i, "description", "d"))
				.status()).isEqualTo(201);
		}
		ApiClient.Response tooMany = me.client()
			.post("/api/v1/portal/tickets", Map.of("subject", "Question 11", "description", "d"));
		assertThat(tooMany.status()).isEqualTo(429);
		assertThat(tooMany.code()).isEqualTo("too_many_tickets");
		assertThat(tickets(me.id())).isEqualTo(10);
		this.clock.advance(java.time.Duration.ofMinutes(61));
		assertThat(me.client()
			.post("/api/v1/portal/tickets", Map.of("subject", "Question 11", "description", "d"))
			.status()).isEqualTo(201);
	}

	@Test
	void heSendsFilesWithAReplyAndGetsOnlyFilesHeMayRead() {
		Customer me = portalCustomer("files");
		Customer stranger = portalCustomer("files-stranger");
		TicketFixtures f = new TicketFixtures(this.jdbc, admin());
		ApiClient agent = signedInAs("agent");
		long ticket = f.ticket(agent, me.id(), Map.of("subject", "Broken screen")).path("id").asLong();
		String base = "/api/v1/portal/tickets/" + ticket;
		byte[] photo = "a photo of the crack".getBytes(java.nio.charset.StandardCharsets.UTF_8);

		ApiClient.Response uploaded = me.client().upload(base + "/attachments", "crack.txt", photo, Map.of());
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		String fileId = uploaded.json().path("id").asString();
		assertThat(me.client().get("/api/v1/portal/tickets/files/" + fileId).status())
			.as("not his to read until it is sent")
			.isEqualTo(404);
		ApiClient.Response sent = me.client()
			.post(base + "/replies",
					Map.of("clientId", "f-1", "text", "Here is a photo", "attachmentIds", List.of(fileId)));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		JsonNode line = sent.json().path("lines").get(0);
		assertThat(line.path("files").get(0).path("fileName").asString()).isEqualTo("crack.txt");
		ApiClient.Response download = me.client().get("/api/v1/portal/tickets/files/" + fileId);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo("a photo of the crack");
		assertThat(stranger.client().get("/api/v1/portal/tickets/files/" + fileId).status()).isEqualTo(404);
		assertThat(stranger.client().upload(base + "/attachments", "x.txt", photo, Map.of()).status()).isEqualTo(404);

		// a file on an internal note never reaches him; a program is refused
		long note = agent.post("/api/v1/tickets/" + ticket + "/articles", Map.of("kind", "NOTE", "body", "see file"))
			.json()
			.path("article")
			.path("id")
			.asLong();
		String internal = agent
			.upload("/api/v1/tickets/" + ticket + "/attachments?articleId=" + note, "internal.txt", photo, Map.of())
			.json()
			.path("id")
			.asString();
		assertThat(me.client().get("/api/v1/portal/tickets/files/" + internal).status()).isEqualTo(404);
		byte[] program = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 };
		assertThat(me.client().upload(base + "/attachments", "setup.exe", program, Map.of()).status()).isEqualTo(415);
	}

	private int tickets(long customerId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM ticket WHERE customer_id = ?")
			.param(customerId)
			.query(Integer.class)
			.single();
	}

}
