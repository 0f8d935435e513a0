package dev.parley.tickets.internal.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.parley.testing.IntegrationTest;
import dev.parley.tickets.TicketPriority;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.parley.tickets.internal.sla.SlaFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA sweep at times the tests name: a warning before the due time and the breach at
 * it, each recorded and told once however often the sweep runs, and the escalation the
 * policy asks for.
 */
class SlaSweepTests extends IntegrationTest {

	@Autowired
	private SlaClocks clocks;

	@Autowired
	private SlaSweep sweep;

	@Autowired
	private JdbcClient jdbc;

	private SlaFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new SlaFixtures(this.jdbc, admin());
	}

	@Test
	void warnsThenBreachesOnceEachTellsAssigneeAndSupervisorsAndRaisesThePriorityOnce() {
		long agent = createUser(unique("agent"), "agent").path("id").asLong();
		long supervisor = createUser(unique("sup"), "supervisor").path("id").asLong();
		long member = createUser(unique("agent"), "agent").path("id").asLong();
		long group = this.fixtures.group(Map.of(agent, false, supervisor, true, member, false));
		this.fixtures.policy(Map.of("name", "Hour", "groupId", group, "firstResponseMinutes", 60, "calendar", "ALWAYS",
				"warnBeforeMinutes", 15, "escalateRaisePriority", true));
		Instant t0 = at("2027-04-05T10:00");
		TicketFacts ticket = this.fixtures.ticket(this.fixtures.customer(null), group, TicketPriority.NORMAL, agent,
				t0);
		this.clocks.started(ticket, t0);

		this.sweep.sweep(t0.plus(Duration.ofMinutes(44)));
		assertThat(this.fixtures.history(ticket.id(), SlaSweep.WARNED)).isZero();

		this.sweep.sweep(t0.plus(Duration.ofMinutes(46)));
		this.sweep.sweep(t0.plus(Duration.ofMinutes(47)));
		assertThat(this.fixtures.history(ticket.id(), SlaSweep.WARNED)).isEqualTo(1);
		assertThat(told(ticket, SlaAlerts.WARNING_TEMPLATE)).containsExactlyInAnyOrder(agent, supervisor);
		assertThat(this.clocks.clocks(ticket.id(), t0.plus(Duration.ofMinutes(47))).get(0).state())
			.isEqualTo(ClockState.RUNNING);

		this.sweep.sweep(t0.plus(Duration.ofMinutes(61)));
		this.sweep.sweep(t0.plus(Duration.ofMinutes(62)));
		assertThat(this.fixtures.history(ticket.id(), SlaSweep.BREACHED)).isEqualTo(1);
		assertThat(told(ticket, SlaAlerts.BREACH_TEMPLATE)).containsExactlyInAnyOrder(agent, supervisor);
		assertThat(told(ticket, SlaAlerts.WARNING_TEMPLATE)).hasSize(2);
		SlaClocks.ClockView breached = this.clocks.clocks(ticket.id(), t0.plus(Duration.ofMinutes(62))).get(0);
		assertThat(breached.state()).isEqualTo(ClockState.BREACHED);
		assertThat(breached.breachedAt()).isEqualTo(t0.plus(Duration.ofMinutes(60)));
		assertThat(breached.remaining()).isEqualTo(Duration.ofMinutes(-2));

		// escalated once: normal to high, a new version
		Map<String, Object> row = this.jdbc.sql("SELECT priority, version, updated_at FROM ticket WHERE id = ?")
			.param(ticket.id())
			.query()
			.singleRow();
		assertThat(((Number) row.get("PRIORITY")).intValue()).isEqualTo(TicketPriority.HIGH.rank());
		assertThat(((Number) row.get("VERSION")).intValue()).isEqualTo(1);
		assertThat(((Number) row.get("UPDATED_AT")).longValue())
			.isEqualTo(t0.plus(Duration.ofMinutes(61)).toEpochMilli());
		assertThat(this.fixtures.history(ticket.id(), SlaSweep.ESCALATED)).isEqualTo(1);
		// met late: stays breached, nothing more to do for the sweep
		this.clocks.agentReplied(ticket, t0.plus(Duration.ofMinutes(70)));
		assertThat(this.clocks.clocks(ticket.id(), t0.plus(Duration.ofMinutes(70))).get(0).state())
			.isEqualTo(ClockState.BREACHED);
		assertThat(this.fixtures.slaDueAt(ticket.id())).isNull();
		this.sweep.sweep(t0.plus(Duration.ofDays(1)));
		assertThat(this.fixtures.history(ticket.id(), SlaSweep.BREACHED)).isEqualTo(1);
	}

	@Test
	void escalatesToAnotherGroupWithoutAnAssignee() {
		long agent = createUser(unique("agent"), "agent").path("id").asLong();
		long group = this.fixtures.group(Map.of(agent, false));
		long experts = this.fixtures.group(Map.of());
		this.fixtures.policy(Map.of("name", "Hand over", "groupId", group, "resolutionMinutes", 30, "calendar",
				"ALWAYS", "escalateGroupId", experts));
		Instant t0 = at("2027-04-06T10:00");
		TicketFacts ticket = this.fixtures.ticket(this.fixtures.customer(null), group, TicketPriority.LOW, agent, t0);
		this.clocks.started(ticket, t0);
		this.sweep.sweep(t0.plus(Duration.ofMinutes(31)));
		Map<String, Object> row = this.jdbc.sql("SELECT group_id, assignee_id, priority FROM ticket WHERE id = ?")
			.param(ticket.id())
			.query()
			.singleRow();
		assertThat(((Number) row.get("GROUP_ID")).longValue()).isEqualTo(experts);
		assertThat(row.get("ASSIGNEE_ID")).isNull();
		assertThat(((Number) row.get("PRIORITY")).intValue()).isEqualTo(TicketPriority.LOW.rank());
		assertThat(this.fixtures.history(ticket.id(), SlaSweep.ESCALATED)).isEqualTo(1);
		// the experts' group has no policy of its own: the breached clock is kept
		assertThat(this.clocks.clocks(ticket.id(), t0.plus(Duration.ofMinutes(31))))
			.extracting(SlaClocks.ClockView::state)
			.containsExactly(ClockState.BREACHED);
	}

	private List<Long> told(TicketFacts ticket, String template) {
		return this.jdbc
			.sql("SELECT staff_user_id FROM notification WHERE template = ? AND idempotency_key LIKE ? "
					+ "ORDER BY staff_user_id")
			.params(template, template + ":" + ticket.id() + ":%")
			.query(Long.class)
			.list();
	}

}
