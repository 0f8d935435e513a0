package dev.parley.tickets.internal.sla;

import java.util.List;
import java.util.UUID;

import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;
import dev.parley.tickets.TicketType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA statements on every supported database: policies with their null conditions,
 * clocks written and read back, the sweep's read of what is due and its record-once
 * updates, the ticket's SLA columns and an escalation.
 */
@Transactional
abstract class SlaRepositoryContract {

	private static final long NOW = 1_800_000_000_000L;

	@Autowired
	SlaPolicyRepository policies;

	@Autowired
	SlaClockRepository clocks;

	@Autowired
	TicketRows tickets;

	@Autowired
	JdbcClient jdbc;

	@Test
	void policiesKeepTheirConditionsTargetsAndOrder() {
		SlaPolicy form = new SlaPolicy(0, "Gold", 0, true, TicketPriority.HIGH, 42L, TicketType.COMPLAINT, null, 30,
				null, 480, SlaCalendar.BUSINESS, 10, true, null, NOW, NOW);
		long id = this.policies.insert(form);
		long other = this.policies.insert(new SlaPolicy(0, "Any", 0, false, null, null, null, 7L, null, 60, null,
				SlaCalendar.ALWAYS, null, false, 43L, NOW, NOW));
		SlaPolicy read = this.policies.find(id).orElseThrow();
		assertThat(read).usingRecursiveComparison().ignoringFields("id", "position").isEqualTo(form);
		assertThat(this.policies.find(other).orElseThrow().position()).isEqualTo(read.position() + 1);
		this.policies.position(id, 1000);
		this.policies.position(other, 999);
		List<Long> order = this.policies.list().stream().map(SlaPolicy::id).toList();
		assertThat(order.indexOf(other)).isLessThan(order.indexOf(id));
		this.policies.update(new SlaPolicy(id, "Gold 2", 0, false, null, null, null, null, 5, 6, 7, SlaCalendar.ALWAYS,
				null, false, null, NOW, NOW + 1));
		SlaPolicy updated = this.policies.find(id).orElseThrow();
		assertThat(updated.name()).isEqualTo("Gold 2");
		assertThat(updated.matchPriority()).isNull();
		assertThat(updated.nextResponseMinutes()).isEqualTo(6);
		assertThat(updated.position()).isEqualTo(1000);
		this.policies.delete(id);
		assertThat(this.policies.find(id)).isEmpty();
	}

	@Test
	void clocksAreDueOnceAndTheTicketFollows() {
		long ticket = ticket();
		SlaClock first = new SlaClock(ticket, SlaTarget.FIRST_RESPONSE, 1, NOW, NOW + 60_000, 0, NOW, null, null, null,
				NOW + 45_000);
		SlaClock resolution = new SlaClock(ticket, SlaTarget.RESOLUTION, 1, NOW, NOW + 600_000, 5, NOW, null, null,
				null, NOW + 600_000);
		this.clocks.save(first);
		this.clocks.save(resolution);
		this.clocks.save(resolution);
		assertThat(this.clocks.of(ticket)).containsExactly(first, resolution);

		this.tickets.slaColumns(ticket, 1L);
		TicketRows.Row row = this.tickets.find(ticket).orElseThrow();
		assertThat(row.policyId()).isEqualTo(1L);
		assertThat(this.jdbc.sql("SELECT sla_due_at FROM ticket WHERE id = ?").param(ticket).query(Long.class).single())
			.isEqualTo(NOW + 60_000);

		assertThat(this.clocks.alerting(NOW + 50_000, 1000)).contains(first).doesNotContain(resolution);
		assertThat(this.clocks.markWarned(first, NOW + 50_000)).isTrue();
		assertThat(this.clocks.markWarned(first, NOW + 51_000)).isFalse();
		assertThat(this.clocks.alerting(NOW + 51_000, 1000)).noneMatch((c) -> c.ticketId() == ticket);
		assertThat(this.clocks.markBreached(first, NOW + 50_000)).as("not due yet").isFalse();
		assertThat(this.clocks.markBreached(first, NOW + 61_000)).isTrue();
		assertThat(this.clocks.markBreached(first, NOW + 62_000)).isFalse();
		SlaClock breached = this.clocks.of(ticket).get(0);
		assertThat(breached.breachedAt()).isEqualTo(NOW + 60_000);
		assertThat(breached.warnedAt()).isEqualTo(NOW + 50_000);
		assertThat(breached.alertAt()).isNull();

		// a stale alert of a paused clock is cleared
		SlaClock paused = resolution.stopped(10, null, null);
		this.clocks.save(new SlaClock(ticket, SlaTarget.RESOLUTION, 1, NOW, null, 10, null, null, null, null, NOW));
		this.clocks.settleAlert(this.clocks.of(ticket).get(1));
		assertThat(this.clocks.of(ticket).get(1)).isEqualTo(paused);
		this.clocks.delete(ticket, SlaTarget.RESOLUTION);
		assertThat(this.clocks.of(ticket)).hasSize(1);

		TicketRows.Row read = this.tickets.find(ticket).orElseThrow();
		assertThat(this.tickets.escalate(read, TicketPriority.URGENT, null, null, NOW + 70_000)).isTrue();
		assertThat(this.tickets.escalate(read, TicketPriority.URGENT, null, null, NOW + 80_000))
			.as("a change since it was read (here: its own) is not overwritten")
			.isFalse();
		this.tickets.history(ticket, "sla.escalated", "priority", "NORMAL", "URGENT", "policy Gold", NOW + 70_000);
		TicketRows.Row escalated = this.tickets.find(ticket).orElseThrow();
		assertThat(escalated.facts().priority()).isEqualTo(TicketPriority.URGENT);
		assertThat(escalated.facts().status()).isEqualTo(TicketStatus.OPEN);
		assertThat(this.jdbc.sql("SELECT version FROM ticket WHERE id = ?").param(ticket).query(Integer.class).single())
			.isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = ? AND actor = 'system'")
			.param(ticket)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private long ticket() {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO customer (name, first_seen_at, last_seen_at, conversation_count, created_at, "
					+ "updated_at, version) VALUES ('SLA', 0, 0, 0, 0, 0, 0)")
			.update(keys, "id");
		long customer = keys.getKeyAs(Number.class).longValue();
		GeneratedKeyHolder ticket = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO ticket (number, subject, customer_id, origin, type, priority, status, created_at, "
				+ "updated_at, created_by, version) VALUES (?, 'S', ?, 'AGENT', 'QUESTION', 2, 'OPEN', 0, 0, 't', 0)")
			.params("T-" + UUID.randomUUID().toString().substring(0, 12), customer)
			.update(ticket, "id");
		return ticket.getKeyAs(Number.class).longValue();
	}

}
