package dev.parley.tickets.internal.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.parley.testing.IntegrationTest;
import dev.parley.tickets.TicketPriority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the SLA sweep costs with 100,000 open tickets (two clocks each, alerts spread over
 * 30 days): a run with nothing due, and a run that records a full batch of warnings and
 * breaches. A measurement, not a test: run it by hand (docs/performance.md, "Tickets: SLA
 * sweep"):
 * {@code ./mvnw test -Dtest=SlaSweepCost -Dparley.bench.sla=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "parley.bench.sla", matches = "true")
class SlaSweepCost extends IntegrationTest {

	private static final int TICKETS = 100_000;

	@Autowired
	private SlaSweep sweep;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JdbcTemplate template;

	@Test
	void sweepOfAHundredThousandOpenTickets() {
		SlaFixtures fixtures = new SlaFixtures(this.jdbc, admin());
		long agent = createUser(unique("agent"), "agent").path("id").asLong();
		long group = fixtures.group(Map.of(agent, true));
		long policy = fixtures
			.policy(Map.of("name", unique("Bench"), "groupId", group, "firstResponseMinutes", 60, "resolutionMinutes",
					1440, "calendar", "ALWAYS", "warnBeforeMinutes", 15))
			.path("id")
			.asLong();
		long customer = fixtures.customer(null);
		Instant t0 = SlaFixtures.at("2027-06-01T00:00");
		long start = System.nanoTime();
		long firstId = fixtures.ticket(customer, group, TicketPriority.NORMAL, agent, t0).id();
		List<Object[]> tickets = new ArrayList<>();
		for (int i = 1; i < TICKETS; i++) {
			tickets.add(new Object[] { "B-" + firstId + "-" + i, customer, group, agent, t0.toEpochMilli(),
					t0.toEpochMilli() });
		}
		for (int from = 0; from < tickets.size(); from += 5000) {
			this.template.batchUpdate(
					"INSERT INTO ticket (number, subject, customer_id, origin, type, priority, status, group_id, "
							+ "assignee_id, created_at, updated_at, created_by, version) "
							+ "VALUES (?, 'Bench', ?, 'AGENT', 'QUESTION', 2, 'OPEN', ?, ?, ?, ?, 'bench', 0)",
					tickets.subList(from, Math.min(from + 5000, tickets.size())));
		}
		List<Long> ids = this.jdbc.sql("SELECT id FROM ticket WHERE id >= ? ORDER BY id")
			.param(firstId)
			.query(Long.class)
			.list();
		// alerts spread over 30 days, one ticket every 26 seconds or so
		long spread = Duration.ofDays(30).toMillis() / ids.size();
		List<Object[]> clocks = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			long alert = t0.toEpochMilli() + i * spread;
			clocks.add(new Object[] { ids.get(i), "FIRST_RESPONSE", policy, t0.toEpochMilli(), alert, t0.toEpochMilli(),
					alert });
			clocks.add(new Object[] { ids.get(i), "RESOLUTION", policy, t0.toEpochMilli(), alert + 3_600_000L,
					t0.toEpochMilli(), alert + 3_600_000L });
		}
		for (int from = 0; from < clocks.size(); from += 5000) {
			this.template.batchUpdate(
					"INSERT INTO ticket_sla_clock (ticket_id, target, policy_id, started_at, due_at, used_ms, "
							+ "running_since, alert_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
					clocks.subList(from, Math.min(from + 5000, clocks.size())));
		}
		System.out.printf("SLA bench: %d tickets, %d clocks written in %d ms%n", ids.size(), clocks.size(),
				(System.nanoTime() - start) / 1_000_000);

		// nothing due: the common minute
		long[] idle = new long[50];
		for (int i = 0; i < idle.length; i++) {
			long began = System.nanoTime();
			this.sweep.sweep(t0.minusSeconds(60));
			idle[i] = System.nanoTime() - began;
		}
		Arrays.sort(idle);
		System.out.printf("SLA bench: idle sweep p50 %.2f ms, p90 %.2f ms, max %.2f ms%n", idle[25] / 1e6,
				idle[45] / 1e6, idle[49] / 1e6);

		// a full batch after an outage, then a minute's worth of alerts (a few clocks)
		Instant minute = t0.plus(Duration.ofHours(10));
		long began = System.nanoTime();
		int drained = this.sweep.sweep(minute);
		long outage = System.nanoTime() - began;
		System.out.printf("SLA bench: full batch: %d recorded in %d ms (%.2f ms each)%n", drained, outage / 1_000_000,
				outage / 1e6 / Math.max(1, drained));
		while (this.sweep.sweep(minute) == SlaSweep.BATCH) {
			// the rest of the backlog
		}
		began = System.nanoTime();
		int recorded = this.sweep.sweep(minute.plusSeconds(60));
		System.out.printf("SLA bench: one minute's alerts: %d recorded in %.2f ms%n", recorded,
				(System.nanoTime() - began) / 1e6);
	}

}
