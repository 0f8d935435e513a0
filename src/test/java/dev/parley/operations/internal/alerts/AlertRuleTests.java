package dev.parley.operations.internal.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.parley.operations.internal.monitoring.Metric;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alert rules against hand-made minutes of a node "node-b": firing once the condition
 * held for the whole duration, telling the recipients once, resolving only after a clear
 * period, no storm from a value wavering around the threshold, and firing again after.
 */
class AlertRuleTests extends IntegrationTest {

	private static final String NODE = "node-b";

	@Autowired
	private MonitoringJob job;

	@Autowired
	private AlertRuleRepository rules;

	@Autowired
	private JdbcClient jdbc;

	private long start;

	private AlertRule cpu;

	@BeforeEach
	void cpuRuleOnAFreshMinute() {
		this.clock.set(Instant.parse("2026-12-07T10:00:00Z")
			.plusSeconds(86_400L * (this.jdbc.sql("SELECT COUNT(*) FROM ops_alert").query(Long.class).single() + 1)));
		this.start = this.clock.millis() / 60_000;
		this.cpu = this.rules.all().stream().filter((rule) -> rule.metric() == Metric.SYSTEM_CPU).findFirst().get();
		assertThat(this.cpu.threshold()).isEqualByComparingTo("85");
		assertThat(this.cpu.durationMinutes()).isEqualTo(5);
	}

	@AfterEach
	void forgetNodeB() {
		this.jdbc.sql("DELETE FROM ops_sample WHERE node = ?").param(NODE).update();
		this.jdbc.sql("UPDATE ops_alert SET state = 'RESOLVED' WHERE node = ?").param(NODE).update();
	}

	@Test
	void firesOnceAfterTheDurationTellsOnceResolvesAfterTheClearPeriodAndFiresAgain() {
		// four minutes above: pending, nothing stored
		minutes(0, 90, 91, 92, 93);
		runAt(4);
		assertThat(firingOnNodeB()).isEmpty();
		// the fifth minute: fires, once
		minutes(4, 94);
		runAt(5);
		List<Alert> firing = firingOnNodeB();
		assertThat(firing).hasSize(1);
		Alert alert = firing.get(0);
		assertThat(alert.peak()).isEqualByComparingTo("94");
		assertThat(alert.startedAt()).isEqualTo(Instant.ofEpochSecond(this.start * 60));
		eventsHandled();
		Eventually.until("the alert mails", () -> mails(alert.id(), "fired") > 0);
		long told = mails(alert.id(), "fired");
		// still above, higher: the same alert, its peak raised, nobody told again
		minutes(5, 97);
		runAt(6);
		assertThat(firingOnNodeB()).extracting(Alert::id).containsExactly(alert.id());
		assertThat(firingOnNodeB().get(0).peak()).isEqualByComparingTo("97");
		eventsHandled();
		assertThat(mails(alert.id(), "fired")).isEqualTo(told);
		// below for four minutes: not yet clear (the clear period is the rule's 5
		// minutes)
		minutes(6, 40, 40, 40, 40);
		runAt(10);
		assertThat(firingOnNodeB()).hasSize(1);
		minutes(10, 40);
		runAt(11);
		assertThat(firingOnNodeB()).isEmpty();
		eventsHandled();
		Eventually.until("the alert mails", () -> mails(alert.id(), "resolved") == told);
		// wavering around the threshold for twenty minutes: no new alert, no message
		for (int i = 0; i < 20; i++) {
			minutes(11 + i, (i % 2 == 0) ? 90 : 80);
			runAt(12 + i);
		}
		assertThat(firingOnNodeB()).isEmpty();
		assertThat(alertsOfNodeBSince()).hasSize(1);
		// above for five minutes again: a new alert, told again
		minutes(31, 90, 90, 90, 90, 90);
		runAt(36);
		List<Alert> again = firingOnNodeB();
		assertThat(again).hasSize(1);
		assertThat(again.get(0).id()).isNotEqualTo(alert.id());
		eventsHandled();
		Eventually.until("the alert mails", () -> mails(again.get(0).id(), "fired") == told);
	}

	@Test
	void aDisabledRuleResolvesItsAlertAndFiresNoMore() {
		minutes(0, 99, 99, 99, 99, 99);
		runAt(5);
		assertThat(firingOnNodeB()).hasSize(1);
		AlertRule rule = this.rules.find(this.cpu.id()).get();
		try {
			assertThat(this.rules.update(withEnabled(rule, false))).isTrue();
			minutes(5, 99);
			runAt(6);
			assertThat(firingOnNodeB()).isEmpty();
		}
		finally {
			AlertRule now = this.rules.find(this.cpu.id()).get();
			this.rules.update(withEnabled(now, true));
		}
	}

	@Test
	void aMinuteWithoutASampleIsNotAMinuteAbove() {
		minutes(0, 90, 90);
		minutes(3, 90, 90);
		runAt(5);
		assertThat(firingOnNodeB()).isEmpty();
	}

	@Test
	void theAlertsApiListsAcknowledgesAndIsRefusedWithoutThePermission() {
		minutes(0, 99, 99, 99, 99, 99);
		runAt(5);
		Alert alert = firingOnNodeB().get(0);
		ApiClient admin = admin();
		JsonNode firing = admin.get("/api/v1/operations/alerts/firing").json();
		assertThat(firing.findValuesAsString("node")).contains(NODE);
		assertThat(firing.findValuesAsString("faultClass")).contains("LOAD");
		ApiClient.Response acknowledged = admin.post("/api/v1/operations/alerts/" + alert.id() + "/acknowledge",
				java.util.Map.of());
		assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
		assertThat(acknowledged.json().path("acknowledgedAt").isNull()).isFalse();
		assertThat(admin.post("/api/v1/operations/alerts/999999/acknowledge", java.util.Map.of()).status())
			.isEqualTo(404);
		ApiClient.Response history = admin.get("/api/v1/operations/alerts?state=FIRING&limit=10");
		assertThat(history.status()).isEqualTo(200);
		assertThat(admin.get("/api/v1/operations/alerts?state=SOMETIMES").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/operations/alerts?limit=100000").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/operations/alerts?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").status())
			.isEqualTo(400);
		assertThat(admin.get("/api/v1/operations/alerts?from=yesterday").status()).isEqualTo(400);

		ApiClient agent = signedInAs("agent");
		assertThat(agent.get("/api/v1/operations/alerts/firing").status()).isEqualTo(403);
		assertThat(agent.post("/api/v1/operations/alerts/" + alert.id() + "/acknowledge", java.util.Map.of()).status())
			.isEqualTo(403);
		ApiClient support = signedInAs("support");
		assertThat(support.get("/api/v1/operations/alerts/firing").status()).isEqualTo(200);
	}

	private static AlertRule withEnabled(AlertRule rule, boolean enabled) {
		return new AlertRule(rule.id(), rule.metric(), rule.dim(), rule.comparison(), rule.threshold(),
				rule.durationMinutes(), rule.severity(), enabled, rule.opensFault(), rule.notifyEmail(),
				rule.notifySms(), rule.recipients(), rule.version());
	}

	/** Writes node-b's CPU for consecutive minutes from the given one. */
	private void minutes(int from, double... values) {
		for (int i = 0; i < values.length; i++) {
			this.jdbc
				.sql("INSERT INTO ops_sample (metric, dim, node, at_minute, val) VALUES ('system.cpu', '', ?, ?, ?)")
				.params(NODE, this.start + from + i, BigDecimal.valueOf(values[i]))
				.update();
		}
	}

	private void runAt(int minute) {
		this.clock.set(Instant.ofEpochSecond((this.start + minute) * 60 + 5));
		this.job.run(this.clock.instant());
	}

	private List<Alert> firingOnNodeB() {
		return this.jdbc.sql("SELECT id FROM ops_alert WHERE node = ? AND state = 'FIRING' AND rule_id = ?")
			.params(NODE, this.cpu.id())
			.query(Long.class)
			.list()
			.stream()
			.map((id) -> this.alerts.find(id).get())
			.toList();
	}

	private List<Long> alertsOfNodeBSince() {
		return this.jdbc.sql("SELECT id FROM ops_alert WHERE node = ? AND rule_id = ? AND started_at >= ?")
			.params(NODE, this.cpu.id(), this.start * 60_000)
			.query(Long.class)
			.list();
	}

	private long mails(long alertId, String what) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE idempotency_key LIKE ?")
			.param("alert:" + alertId + ":" + what + ":%")
			.query(Long.class)
			.single();
	}

	@Autowired
	private AlertRepository alerts;

}
