package dev.parley.tickets.internal.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.IntegrationTest;
import dev.parley.tickets.PendingOn;
import dev.parley.tickets.TicketPriority;
import dev.parley.tickets.TicketStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.parley.tickets.internal.sla.SlaFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA clocks of tickets over business hours, holidays, pauses, reopening and policy
 * changes; the times are named by the tests (Monday 2027-03-01 and after, Asia/Shanghai).
 */
class SlaClockTests extends IntegrationTest {

	@Autowired
	private SlaClocks clocks;

	@Autowired
	private JdbcClient jdbc;

	private SlaFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new SlaFixtures(this.jdbc, admin());
	}

	@Test
	void countsBusinessHoursPausesWhilePendingOnTheCustomerAndResumesAfterReopening() {
		long group = this.fixtures.group(Map.of());
		this.fixtures.officeHours(group);
		long policy = this.fixtures.policy(Map.of("name", "Office", "groupId", group, "firstResponseMinutes", 120,
				"nextResponseMinutes", 60, "resolutionMinutes", 480, "calendar", "BUSINESS"))
			.path("id")
			.asLong();
		long customer = this.fixtures.customer(null);
		// Monday 16:30: two hours of 09:00-17:00 end Tuesday 10:30
		TicketFacts open = this.fixtures.ticket(customer, group, TicketPriority.NORMAL, null, at("2027-03-01T16:30"));
		this.clocks.started(open, at("2027-03-01T16:30"));
		assertThat(this.fixtures.policyOf(open.id())).isEqualTo(policy);
		assertThat(clock(open, SlaTarget.FIRST_RESPONSE).dueAt()).isEqualTo(at("2027-03-02T10:30"));
		assertThat(clock(open, SlaTarget.RESOLUTION).dueAt()).isEqualTo(at("2027-03-02T16:30"));
		assertThat(this.fixtures.slaDueAt(open.id())).isEqualTo(at("2027-03-02T10:30").toEpochMilli());

		// Tuesday 10:00, 1.5 working hours used: waiting on the customer pauses
		// everything
		TicketFacts pending = with(open, TicketStatus.PENDING, PendingOn.CUSTOMER);
		this.clocks.changed(open, pending, at("2027-03-02T10:00"));
		assertThat(clock(open, SlaTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.PAUSED);
		assertThat(clock(open, SlaTarget.FIRST_RESPONSE).dueAt()).isNull();
		assertThat(clock(open, SlaTarget.RESOLUTION).remaining()).isEqualTo(Duration.ofMinutes(390));
		assertThat(this.fixtures.slaDueAt(open.id())).isNull();
		// the pause lasts: no working time passes for the clocks
		assertThat(clock(open, SlaTarget.RESOLUTION, at("2027-03-02T16:00")).remaining())
			.isEqualTo(Duration.ofMinutes(390));

		// Wednesday 09:00 he answers: half an hour left for the first reply, 6.5 h for
		// the solution
		this.clocks.changed(pending, open, at("2027-03-03T09:00"));
		assertThat(clock(open, SlaTarget.FIRST_RESPONSE).dueAt()).isEqualTo(at("2027-03-03T09:30"));
		assertThat(clock(open, SlaTarget.RESOLUTION).dueAt()).isEqualTo(at("2027-03-03T15:30"));

		this.clocks.agentReplied(open, at("2027-03-03T09:10"));
		assertThat(clock(open, SlaTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.MET);
		assertThat(this.fixtures.slaDueAt(open.id())).isEqualTo(at("2027-03-03T15:30").toEpochMilli());

		// the customer writes again: the next reply is due within an hour
		this.clocks.customerReplied(open, at("2027-03-03T10:00"));
		assertThat(clock(open, SlaTarget.NEXT_RESPONSE).dueAt()).isEqualTo(at("2027-03-03T11:00"));
		// a second message before the reply does not restart it
		this.clocks.customerReplied(open, at("2027-03-03T10:30"));
		assertThat(clock(open, SlaTarget.NEXT_RESPONSE).dueAt()).isEqualTo(at("2027-03-03T11:00"));

		// solved at 11:00 (3.5 working hours used): every target met, nothing due
		TicketFacts solved = with(open, TicketStatus.SOLVED, null);
		this.clocks.changed(open, solved, at("2027-03-03T11:00"));
		assertThat(this.clocks.clocks(open.id(), at("2027-03-03T11:00")))
			.allSatisfy((c) -> assertThat(c.state()).isEqualTo(ClockState.MET));
		assertThat(this.fixtures.slaDueAt(open.id())).isNull();

		// reopened Thursday 09:00: the solution clock runs on from 3.5 h used
		this.clocks.changed(solved, open, at("2027-03-04T09:00"));
		SlaClocks.ClockView resolution = clock(open, SlaTarget.RESOLUTION);
		assertThat(resolution.state()).isEqualTo(ClockState.RUNNING);
		assertThat(resolution.dueAt()).isEqualTo(at("2027-03-04T13:30"));
		assertThat(clock(open, SlaTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.MET);
		assertThat(this.fixtures.slaDueAt(open.id())).isEqualTo(at("2027-03-04T13:30").toEpochMilli());

		// pending on a third party does not pause
		this.clocks.changed(open, with(open, TicketStatus.PENDING, PendingOn.THIRD_PARTY), at("2027-03-04T10:00"));
		assertThat(clock(open, SlaTarget.RESOLUTION).state()).isEqualTo(ClockState.RUNNING);
		assertThat(clock(open, SlaTarget.RESOLUTION).dueAt()).isEqualTo(at("2027-03-04T13:30"));
	}

	@Test
	void aHolidayAndTheWeekendAreSkipped() {
		long group = this.fixtures.group(Map.of());
		this.fixtures.officeHours(group);
		this.fixtures.holiday(group, "2027-03-08");
		this.fixtures.policy(Map.of("name", "Office", "groupId", group, "firstResponseMinutes", 120));
		// Friday 16:30: the weekend and Monday's holiday pass, due Tuesday 10:30
		TicketFacts ticket = this.fixtures.ticket(this.fixtures.customer(null), group, TicketPriority.NORMAL, null,
				at("2027-03-05T16:30"));
		this.clocks.started(ticket, at("2027-03-05T16:30"));
		assertThat(clock(ticket, SlaTarget.FIRST_RESPONSE).dueAt()).isEqualTo(at("2027-03-09T10:30"));
		assertThat(this.clocks.clocks(ticket.id(), at("2027-03-08T12:00")).get(0).remaining())
			.isEqualTo(Duration.ofMinutes(90));
	}

	@Test
	void aPriorityChangeChoosesAnotherPolicyAndMovesTheDueTimeButABreachStays() {
		long group = this.fixtures.group(Map.of());
		long urgent = this.fixtures
			.policy(Map.of("name", "Urgent", "groupId", group, "priority", "URGENT", "resolutionMinutes", 60,
					"calendar", "ALWAYS"))
			.path("id")
			.asLong();
		long normal = this.fixtures
			.policy(Map.of("name", "Normal", "groupId", group, "resolutionMinutes", 240, "calendar", "ALWAYS"))
			.path("id")
			.asLong();
		long customer = this.fixtures.customer(null);
		Instant t0 = at("2027-03-01T20:00");
		TicketFacts ticket = this.fixtures.ticket(customer, group, TicketPriority.NORMAL, null, t0);
		this.clocks.started(ticket, t0);
		assertThat(this.fixtures.policyOf(ticket.id())).isEqualTo(normal);
		assertThat(clock(ticket, SlaTarget.RESOLUTION).dueAt()).isEqualTo(t0.plus(Duration.ofHours(4)));

		// half an hour in, it becomes urgent: an hour in all, due 30 minutes later
		TicketFacts raised = withPriority(ticket, TicketPriority.URGENT);
		this.clocks.changed(ticket, raised, t0.plusSeconds(1800));
		assertThat(this.fixtures.policyOf(ticket.id())).isEqualTo(urgent);
		assertThat(clock(ticket, SlaTarget.RESOLUTION).dueAt()).isEqualTo(t0.plus(Duration.ofHours(1)));

		// another ticket breaches its four hours, then becomes urgent: still breached
		TicketFacts late = this.fixtures.ticket(customer, group, TicketPriority.NORMAL, null, t0);
		this.clocks.started(late, t0);
		TicketFacts lateRaised = withPriority(late, TicketPriority.URGENT);
		this.clocks.changed(late, lateRaised, t0.plus(Duration.ofHours(5)));
		SlaClocks.ClockView breached = clock(late, SlaTarget.RESOLUTION);
		assertThat(breached.state()).isEqualTo(ClockState.BREACHED);
		assertThat(breached.breachedAt()).isEqualTo(t0.plus(Duration.ofHours(4)));
		assertThat(this.fixtures.history(late.id(), SlaSweep.BREACHED)).isEqualTo(1);
		// and back to normal: the breach is kept
		this.clocks.changed(lateRaised, late, t0.plus(Duration.ofHours(6)));
		assertThat(clock(late, SlaTarget.RESOLUTION).state()).isEqualTo(ClockState.BREACHED);
		assertThat(this.fixtures.history(late.id(), SlaSweep.BREACHED)).isEqualTo(1);
	}

	@Test
	void aPolicyForACustomerLevelAppliesBeforeTheGeneralOne() {
		long group = this.fixtures.group(Map.of());
		long level = admin().post("/api/v1/customer-levels", Map.of("name", "VIP-" + group, "position", 1))
			.json()
			.path("id")
			.asLong();
		long vip = this.fixtures
			.policy(Map.of("name", "VIP", "groupId", group, "levelId", level, "firstResponseMinutes", 15, "calendar",
					"ALWAYS"))
			.path("id")
			.asLong();
		long general = this.fixtures
			.policy(Map.of("name", "General", "groupId", group, "firstResponseMinutes", 60, "calendar", "ALWAYS"))
			.path("id")
			.asLong();
		Instant t0 = at("2027-03-01T12:00");
		TicketFacts important = this.fixtures.ticket(this.fixtures.customer(level), group, TicketPriority.NORMAL, null,
				t0);
		TicketFacts ordinary = this.fixtures.ticket(this.fixtures.customer(null), group, TicketPriority.NORMAL, null,
				t0);
		this.clocks.started(important, t0);
		this.clocks.started(ordinary, t0);
		assertThat(this.fixtures.policyOf(important.id())).isEqualTo(vip);
		assertThat(this.fixtures.policyOf(ordinary.id())).isEqualTo(general);
		// a ticket of no group matches neither: no clocks, no due time
		TicketFacts loose = this.fixtures.ticket(this.fixtures.customer(null), null, TicketPriority.LOW, null, t0);
		this.clocks.started(loose, t0);
		assertThat(this.clocks.clocks(loose.id(), t0)).isEmpty();
		assertThat(this.fixtures.slaDueAt(loose.id())).isNull();
	}

	@Test
	void aPolicyAddedLaterAppliesAtTheTicketsNextChange() {
		long group = this.fixtures.group(Map.of());
		Instant t0 = at("2027-03-02T08:00");
		TicketFacts fresh = with(
				this.fixtures.ticket(this.fixtures.customer(null), group, TicketPriority.NORMAL, null, t0),
				TicketStatus.NEW, null);
		this.clocks.started(fresh, t0);
		assertThat(this.clocks.clocks(fresh.id(), t0)).isEmpty();
		long policy = this.fixtures
			.policy(Map.of("name", "Late", "groupId", group, "resolutionMinutes", 120, "calendar", "ALWAYS"))
			.path("id")
			.asLong();
		// an assignment alone is no SLA change; opening it is
		this.clocks.changed(fresh, fresh, t0.plusSeconds(600));
		assertThat(this.clocks.clocks(fresh.id(), t0)).isEmpty();
		this.clocks.changed(fresh, with(fresh, TicketStatus.OPEN, null), t0.plusSeconds(600));
		assertThat(this.fixtures.policyOf(fresh.id())).isEqualTo(policy);
		assertThat(clock(fresh, SlaTarget.RESOLUTION).dueAt()).isEqualTo(t0.plusSeconds(600 + 7200));
	}

	private SlaClocks.ClockView clock(TicketFacts ticket, SlaTarget target) {
		return clock(ticket, target, at("2027-03-01T00:00"));
	}

	private SlaClocks.ClockView clock(TicketFacts ticket, SlaTarget target, Instant now) {
		List<SlaClocks.ClockView> views = this.clocks.clocks(ticket.id(), now);
		return views.stream().filter((c) -> c.target() == target).findFirst().orElseThrow();
	}

	private static TicketFacts with(TicketFacts t, TicketStatus status, PendingOn pendingOn) {
		return new TicketFacts(t.id(), status, pendingOn, t.priority(), t.type(), t.groupId(), t.customerId());
	}

	private static TicketFacts withPriority(TicketFacts t, TicketPriority priority) {
		return new TicketFacts(t.id(), t.status(), t.pendingOn(), priority, t.type(), t.groupId(), t.customerId());
	}

	static Map<String, Object> form(Object... pairs) {
		Map<String, Object> form = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.put((String) pairs[i], pairs[i + 1]);
		}
		return form;
	}

}
