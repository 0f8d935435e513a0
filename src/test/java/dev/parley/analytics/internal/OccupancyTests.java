package dev.parley.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import dev.parley.agents.AgentStatus;
import dev.parley.agents.AgentStatusChanged;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Occupancy from an agent's day worked out by hand: two overlapping chats, online, away,
 * offline; a status event delivered twice; a rebuild; who sees whom; bad input.
 */
class OccupancyTests extends IntegrationTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final long MINUTE = 60_000;

	@Autowired
	AnalyticsWorker worker;

	@Autowired
	Rebuild rebuild;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void anAgentsTimeWithConversationsIsComparedWithHisTimeSignedIn() {
		ReportFixtures.Team team = new ReportFixtures(this.port, admin()).team();
		LocalDate day = LocalDate.ofInstant(this.clock.instant(), SHANGHAI);
		// minute 0: a visitor asks; Ann takes it at 1, a second one at 2 (offline, by
		// hand)
		ReportFixtures.Visitor first = team.visitor("Hello");
		ReportFixtures.Visitor second = team.visitor("Hi there");
		this.clock.advance(Duration.ofMinutes(1));
		ReportFixtures.take(team.ann, first.id());
		this.clock.advance(Duration.ofMinutes(1));
		ReportFixtures.take(team.ann, second.id());
		// online at 3, the first closed at 5, the second at 8, away at 10, offline at 12
		this.clock.advance(Duration.ofMinutes(1));
		status(team.ann, "online");
		this.clock.advance(Duration.ofMinutes(2));
		close(team.ann, first.id());
		this.clock.advance(Duration.ofMinutes(3));
		close(team.ann, second.id());
		this.clock.advance(Duration.ofMinutes(2));
		status(team.ann, "away");
		Instant away = this.clock.instant();
		this.clock.advance(Duration.ofMinutes(2));
		status(team.ann, "offline");
		this.clock.advance(Duration.ofMinutes(5));
		eventsHandled();
		this.worker.runOnce();

		String query = "/api/v1/reports/occupancy?from=" + day + "&to=" + day.plusDays(1) + "&groupId=" + team.groupId;
		JsonNode report = team.sue.get(query).json();
		JsonNode ann = row(report, team.annId);
		assertThat(ann.path("online").asLong()).isEqualTo(7 * MINUTE);
		assertThat(ann.path("away").asLong()).isEqualTo(2 * MINUTE);
		assertThat(ann.path("busy").asLong()).as("minutes 1 to 8").isEqualTo(7 * MINUTE);
		assertThat(ann.path("busyAvailable").asLong()).as("minutes 3 to 8").isEqualTo(5 * MINUTE);
		assertThat(ann.path("assigned").asLong()).as("4 + 6 minutes").isEqualTo(10 * MINUTE);
		assertThat(ann.path("occupancy").asDouble()).as("5 of 9 minutes").isEqualTo(0.5556);
		assertThat(ann.path("concurrency").asDouble()).as("10 / 7").isEqualTo(1.4286);
		assertThat(ann.path("peak").asInt()).isEqualTo(2);
		assertThat(ann.path("onShift").isNull()).as("no shift planned").isTrue();
		assertThat(ann.path("previousOccupancy").isNull()).as("nothing the two days before").isTrue();
		// the two days after compare with these two
		JsonNode after = row(team.sue
			.get("/api/v1/reports/occupancy?from=" + day.plusDays(2) + "&to=" + day.plusDays(3) + "&groupId="
					+ team.groupId)
			.json(), team.annId);
		assertThat(after.path("occupancy").isNull()).isTrue();
		assertThat(after.path("previousOccupancy").asDouble()).isEqualTo(0.5556);
		JsonNode bob = row(report, team.bobId);
		assertThat(bob.path("online").asLong()).isZero();
		assertThat(bob.path("occupancy").isNull()).isTrue();

		// a status event delivered twice, and a rebuild of the figures, change nothing
		this.transactions.executeWithoutResult((tx) -> this.events
			.publishEvent(new AgentStatusChanged(team.annId, AgentStatus.ONLINE, AgentStatus.AWAY, away)));
		eventsHandled();
		assertThat(team.sue.get(query).json()).isEqualTo(report);
		this.rebuild.run();
		assertThat(team.sue.get(query).json()).isEqualTo(report);

		// Ann sees herself only, and no group; a supervisor of another group sees nobody
		// here
		String own = "/api/v1/reports/occupancy?from=" + day + "&to=" + day.plusDays(1);
		JsonNode mine = team.ann.get(own).json();
		assertThat(mine.path("rows")).hasSize(1);
		assertThat(mine.path("rows").get(0).path("agentId").asLong()).isEqualTo(team.annId);
		assertThat(team.ann.get(query).status()).isEqualTo(403);
		ReportFixtures.Team other = new ReportFixtures(this.port, admin()).team();
		assertThat(other.sue.get(query).status()).isEqualTo(403);
		assertThat(other.sue.get(own).json().path("rows").findValuesAsString("agentId"))
			.doesNotContain(String.valueOf(team.annId));

		for (String bad : new String[] { "from=2026-12-07&to=2026-12-01", "from=2020-01-01&to=2026-12-31", "to=x",
				"from=2026-12-01&to=2026-12-02&timeZone=Mars/Base" }) {
			ApiClient.Response refused = team.sue.get("/api/v1/reports/occupancy?" + bad);
			assertThat(refused.status()).as(bad).isEqualTo(400);
		}
	}

	private static void status(ApiClient agent, String status) {
		ApiClient.Response changed = agent.put("/api/v1/agents/me/status", Map.of("status", status));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
	}

	private static void close(ApiClient agent, long conversationId) {
		assertThat(agent.post("/api/v1/conversations/" + conversationId + "/close", Map.of()).status()).isEqualTo(200);
	}

	private static JsonNode row(JsonNode report, long agentId) {
		for (JsonNode row : report.path("rows")) {
			if (row.path("agentId").asLong() == agentId) {
				return row;
			}
		}
		throw new AssertionError("No row of " + agentId + " in " + report);
	}

}
