package dev.parley.tickets.internal.sla;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.TicketType;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers, groups, policies and ticket rows for the SLA tests, written directly (the
 * ticket core is not needed to move the clocks).
 */
final class SlaFixtures {

	/** The organisation's time zone the tests install. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final ApiClient admin;

	SlaFixtures(JdbcClient jdbc, ApiClient admin) {
		this.jdbc = jdbc;
		this.admin = admin;
	}

	static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(ZONE).toInstant();
	}

	long customer(Long levelId) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO customer (name, level_id, first_seen_at, last_seen_at, conversation_count, created_at, "
					+ "updated_at, version) VALUES ('SLA customer', ?, 0, 0, 0, 0, 0, 0)")
			.param(levelId)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** A group with the given members ({@code userId -> supervisor}). */
	long group(Map<Long, Boolean> members) {
		ApiClient.Response group = this.admin.post("/api/v1/groups",
				Map.of("name", "SLA-" + UUID.randomUUID().toString().substring(0, 8), "routing", "least_busy",
						"members",
						members.entrySet()
							.stream()
							.map((m) -> Map.of("userId", m.getKey(), "supervisor", m.getValue()))
							.toList()));
		assertThat(group.status()).as(group.toString()).isEqualTo(201);
		return group.json().path("id").asLong();
	}

	/** Business hours Monday to Friday 09:00-17:00. */
	void officeHours(long groupId) {
		List<Map<String, Object>> slots = new java.util.ArrayList<>();
		for (int day = 1; day <= 5; day++) {
			slots.add(Map.of("day", day, "start", "09:00", "end", "17:00"));
		}
		ApiClient.Response hours = this.admin.put("/api/v1/groups/" + groupId + "/hours", Map.of("slots", slots));
		assertThat(hours.status()).as(hours.toString()).isEqualTo(204);
	}

	void holiday(long groupId, String date) {
		ApiClient.Response off = this.admin.post("/api/v1/shifts/exceptions",
				Map.of("groupId", groupId, "date", date, "kind", "off", "note", "holiday"));
		assertThat(off.status()).as(off.toString()).isEqualTo(201);
	}

	JsonNode policy(Map<String, Object> form) {
		ApiClient.Response created = this.admin.post("/api/v1/ticket-sla-policies", form);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	/** A ticket row as the core would write it; returns its facts. */
	TicketFacts ticket(long customerId, Long groupId, TicketPriority priority, Long assigneeId, Instant at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO ticket (number, subject, customer_id, origin, type, priority, status, group_id, "
					+ "assignee_id, created_at, updated_at, created_by, version) "
					+ "VALUES (?, 'Refund please', ?, 'AGENT', 'QUESTION', ?, 'OPEN', ?, ?, ?, ?, 'test', 0)")
			.params("T-" + UUID.randomUUID().toString().substring(0, 12), customerId, priority.rank(), groupId,
					assigneeId, at.toEpochMilli(), at.toEpochMilli())
			.update(keys, "id");
		return new TicketFacts(keys.getKeyAs(Number.class).longValue(), TicketStatus.OPEN, null, priority,
				TicketType.QUESTION, groupId, customerId);
	}

	Long slaDueAt(long ticketId) {
		return this.jdbc.sql("SELECT sla_due_at FROM ticket WHERE id = ?")
			.param(ticketId)
			.query((rs, n) -> rs.getObject(1, Long.class))
			.list()
			.get(0);
	}

	Long policyOf(long ticketId) {
		return this.jdbc.sql("SELECT sla_policy_id FROM ticket WHERE id = ?")
			.param(ticketId)
			.query((rs, n) -> rs.getObject(1, Long.class))
			.list()
			.get(0);
	}

	int history(long ticketId, String action) {
		return this.jdbc.sql("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = ? AND action = ?")
			.params(ticketId, action)
			.query(Integer.class)
			.single();
	}

}
