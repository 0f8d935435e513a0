package dev.parley.tickets.internal.automation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.parley.conversations.MessageLeft;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import dev.parley.tickets.TicketFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Parley does to tickets by itself: a ticket from a left message (by setting, once
 * per conversation), the automatic close of solved tickets, and the automatic assignment
 * of new tickets by the group's strategy against the ticket capacity.
 */
class TicketAutomationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LeftMessageTickets leftMessages;

	@Autowired
	SolvedTicketsClosing closing;

	private TicketFixtures fixtures() {
		return new TicketFixtures(this.jdbc, admin());
	}

	// --- left messages

	private String channelOfGroup(long groupId) {
		ApiClient admin = admin();
		ApiClient.Response channel = admin.post("/api/v1/channels", Map.of("kind", "website", "name", unique("Site"),
				"allowedOrigins", List.of("https://shop.example.com"), "prechatEnabled", false));
		assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
		JsonNode group = admin.get("/api/v1/groups/" + groupId).json();
		List<Map<String, Object>> members = new java.util.ArrayList<>();
		group.path("members")
			.forEach((m) -> members.add(Map.of("userId", m.path("userId").asLong(), "supervisor", false)));
		ApiClient.Response changed = admin.put("/api/v1/groups/" + groupId,
				Map.of("name", group.path("name").asString(), "routing", "manual", "members", members, "channelIds",
						List.of(channel.json().path("id").asLong())));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		return channel.json().path("key").asString();
	}

	private long leaveMessage(String key, String text) {
		String token = client().post("/api/v1/widget/channels/" + key + "/visitors", Map.of("name", "Li Lei"))
			.json()
			.path("token")
			.asString();
		ApiClient.Response left = client().withHeader("X-Parley-Visitor", token)
			.post("/api/v1/widget/messages",
					Map.of("clientId", "l-1", "email", unique("li") + "@example.com", "text", text));
		assertThat(left.status()).as(left.toString()).isEqualTo(201);
		return left.json().path("id").asLong();
	}

	private List<Long> ticketsOf(long conversationId) {
		return this.jdbc.sql("SELECT ticket_id FROM ticket_conversation WHERE conversation_id = ?")
			.param(conversationId)
			.query(Long.class)
			.list();
	}

	@Test
	void aLeftMessageBecomesOneTicketOnlyWhenTheSettingIsOn() {
		long group = fixtures().group(unique("Night"), List.of());
		String key = channelOfGroup(group);
		long off = leaveMessage(key, "Nobody is there?");
		eventsHandled();
		assertThat(ticketsOf(off)).as("off by default").isEmpty();

		assertThat(admin().put("/api/v1/settings", Map.of(TicketSettings.FROM_LEFT_MESSAGES, "true")).status())
			.isEqualTo(200);
		try {
			long on = leaveMessage(key, "  \nMy parcel never came\nOrder 5521, paid on Monday");
			Eventually.until("a ticket for the left message", () -> ticketsOf(on).size() == 1);
			long ticket = ticketsOf(on).get(0);
			Map<String, Object> row = this.jdbc
				.sql("SELECT subject, description, origin, group_id, customer_id, created_by FROM ticket WHERE id = ?")
				.param(ticket)
				.query()
				.singleRow();
			assertThat(row.get("subject")).isEqualTo("My parcel never came");
			assertThat((String) row.get("description")).contains("Order 5521");
			assertThat(row.get("origin")).isEqualTo("LEFT_MESSAGE");
			assertThat(((Number) row.get("group_id")).longValue()).isEqualTo(group);
			assertThat(row.get("created_by")).isEqualTo("system");
			Long customer = this.jdbc
				.sql("SELECT v.customer_id FROM conversation c JOIN visitor v ON v.id = c.visitor_id "
						+ "WHERE c.id = ?")
				.param(on)
				.query(Long.class)
				.single();
			assertThat(((Number) row.get("customer_id")).longValue()).isEqualTo(customer);

			MessageLeft again = new MessageLeft(on, 0, group, 0, "Li Lei", "en", "My parcel never came", Instant.now());
			this.leftMessages.on(again);
			this.leftMessages.on(again);
			assertThat(ticketsOf(on)).as("the same conversation never makes two tickets").hasSize(1);
		}
		finally {
			admin().put("/api/v1/settings", Map.of(TicketSettings.FROM_LEFT_MESSAGES, "false"));
		}
	}

	@Test
	void theSubjectIsTheFirstLineOnOneLineAndClipped() {
		assertThat(LeftMessageTickets.subject("\n\n  Hello\tthere  \nsecond", 7)).isEqualTo("Hello there");
		assertThat(LeftMessageTickets.subject(" ", 7)).isEqualTo("Message left in conversation #7");
		assertThat(LeftMessageTickets.subject(null, 7)).isEqualTo("Message left in conversation #7");
		assertThat(LeftMessageTickets.subject("x".repeat(400), 7)).hasSize(250).endsWith("…");
	}

	// --- automatic close

	private long solvedTicket(String subject) {
		ApiClient admin = admin();
		JsonNode ticket = fixtures().ticket(admin, fixtures().customer("Zhang Wei"), Map.of("subject", subject));
		ApiClient.Response solved = admin.send("PATCH", "/api/v1/tickets/" + ticket.path("id").asLong(),
				Map.of("version", ticket.path("version").asInt(), "status", "SOLVED"), "application/json");
		assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
		return ticket.path("id").asLong();
	}

	private String status(long ticket) {
		return this.jdbc.sql("SELECT status FROM ticket WHERE id = ?").param(ticket).query(String.class).single();
	}

	@Test
	void solvedTicketsAreClosedBySystemAfterTheDaysOfTheSetting() {
		long old = solvedTicket("Solved long ago");
		this.clock.advance(Duration.ofDays(5));
		long recent = solvedTicket("Solved lately");
		this.clock.advance(Duration.ofDays(2).plusMinutes(1));

		assertThat(this.closing.closeDue()).isGreaterThanOrEqualTo(1);
		assertThat(status(old)).isEqualTo("CLOSED");
		assertThat(status(recent)).as("solved five days less ago").isEqualTo("SOLVED");
		Map<String, Object> entry = this.jdbc
			.sql("SELECT actor, old_value, new_value FROM ticket_history WHERE ticket_id = ? AND field = 'status' "
					+ "ORDER BY id DESC")
			.param(old)
			.query()
			.listOfRows()
			.get(0);
		assertThat(entry).containsEntry("actor", "system")
			.containsEntry("old_value", "SOLVED")
			.containsEntry("new_value", "CLOSED");
		assertThat(this.jdbc.sql("SELECT closed_at FROM ticket WHERE id = ?").param(old).query(Long.class).single())
			.isEqualTo(this.clock.instant().toEpochMilli());

		assertThat(admin().put("/api/v1/settings", Map.of(TicketSettings.CLOSE_AFTER_DAYS, "0")).status())
			.isEqualTo(200);
		try {
			this.clock.advance(Duration.ofDays(30));
			this.closing.closeDue();
			assertThat(status(recent)).as("0: never").isEqualTo("SOLVED");
		}
		finally {
			admin().put("/api/v1/settings", Map.of(TicketSettings.CLOSE_AFTER_DAYS, "7"));
		}
		this.closing.closeDue();
		assertThat(status(recent)).isEqualTo("CLOSED");
		assertThat(admin().put("/api/v1/settings", Map.of(TicketSettings.CLOSE_AFTER_DAYS, "-1")).status())
			.isEqualTo(400);
	}

	// --- automatic assignment

	private long agent(int ticketCapacity) {
		long id = createUser(unique("agent"), "agent").path("id").asLong();
		ApiClient.Response saved = admin().put("/api/v1/agents/" + id,
				Map.of("languages", List.of(), "skills", List.of(), "capacity", 5, "ticketCapacity", ticketCapacity));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().path("ticketCapacity").asInt()).isEqualTo(ticketCapacity);
		return id;
	}

	private long group(String routing, long... members) {
		List<Map<String, Object>> list = new java.util.ArrayList<>();
		for (long member : members) {
			list.add(Map.of("userId", member, "supervisor", false));
		}
		ApiClient.Response group = admin().post("/api/v1/groups",
				Map.of("name", unique("Team"), "routing", routing, "members", list));
		assertThat(group.status()).as(group.toString()).isEqualTo(201);
		return group.json().path("id").asLong();
	}

	private long ticketIn(long group) {
		return fixtures().ticket(admin(), fixtures().customer("Chen Jing"), Map.of("groupId", group))
			.path("id")
			.asLong();
	}

	private Long assignee(long ticket) {
		eventsHandled();
		return this.jdbc.sql("SELECT assignee_id FROM ticket WHERE id = ?")
			.param(ticket)
			.query((rs, row) -> (Long) rs.getObject(1, Long.class))
			.list()
			.get(0);
	}

	@Test
	void leastBusyGoesToTheLowestShareOfTicketCapacityAndAFullGroupLeavesItUnassigned() {
		long busy = agent(2);
		long free = agent(4);
		long group = group("least_busy", busy, free);
		assertThat(assignee(ticketIn(group))).as("0/2 and 0/4: whose turn, then the lower id").isEqualTo(busy);
		assertThat(assignee(ticketIn(group))).as("1/2 against 0/4").isEqualTo(free);
		assertThat(assignee(ticketIn(group))).as("1/2 against 1/4").isEqualTo(free);
		assertThat(assignee(ticketIn(group))).as("1/2 against 2/4: whose turn it is").isEqualTo(busy);
		assertThat(assignee(ticketIn(group))).as("2 of 2: full").isEqualTo(free);
		assertThat(assignee(ticketIn(group))).isEqualTo(free);
		long full = ticketIn(group);
		assertThat(assignee(full)).as("2 of 2 and 4 of 4: nobody has room").isNull();
		assertThat(this.jdbc.sql("SELECT status FROM ticket WHERE id = ?").param(full).query(String.class).single())
			.isEqualTo("NEW");

		long solved = this.jdbc.sql("SELECT MIN(id) FROM ticket WHERE assignee_id = ?")
			.param(busy)
			.query(Long.class)
			.single();
		JsonNode ticket = admin().get("/api/v1/tickets/" + solved).json();
		assertThat(admin()
			.send("PATCH", "/api/v1/tickets/" + solved,
					Map.of("version", ticket.path("version").asInt(), "status", "SOLVED"), "application/json")
			.status()).isEqualTo(200);
		assertThat(assignee(ticketIn(group))).as("a solved ticket frees room").isEqualTo(busy);
	}

	@Test
	void roundRobinTakesTurnsAndAManualGroupOrNoGroupIsLeftUnassigned() {
		long a = agent(10);
		long b = agent(10);
		long group = group("round_robin", a, b);
		Long first = assignee(ticketIn(group));
		Long second = assignee(ticketIn(group));
		Long third = assignee(ticketIn(group));
		assertThat(first).isIn(a, b);
		assertThat(second).isIn(a, b).isNotEqualTo(first);
		assertThat(third).isEqualTo(first);
		assertThat(this.jdbc
			.sql("SELECT detail FROM ticket_history WHERE ticket_id = (SELECT MAX(id) FROM ticket WHERE group_id = ?) "
					+ "AND field = 'assignee'")
			.param(group)
			.query(String.class)
			.single()).isEqualTo(TicketAutoAssignment.REASON);

		long none = agent(0);
		assertThat(assignee(ticketIn(group("least_busy", none)))).as("ticket capacity 0").isNull();
		assertThat(assignee(ticketIn(group("manual", agent(10))))).isNull();
		long ungrouped = fixtures().ticket(admin(), fixtures().customer("Liu Yang"), Map.of()).path("id").asLong();
		assertThat(assignee(ungrouped)).isNull();
	}

}
