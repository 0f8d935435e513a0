package dev.parley.analytics.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.parley.analytics.internal.tickets.TicketFolder;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.tickets.TicketFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tickets and SLA report over tickets driven through the API with the clock moved by
 * hand: figures worked out by hand, SLA targets met, breached and running past due, a
 * merged ticket left out, events delivered twice, a rebuild giving the same, who sees
 * what, bad input.
 */
class TicketReportTests extends IntegrationTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final long MINUTE = 60_000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TicketFolder folder;

	@Test
	void theFiguresOfHandMadeTicketsMatchWhatWasWorkedOutByHand() {
		ApiClient admin = admin();
		ReportFixtures.Team team = new ReportFixtures(this.port, admin).team();
		TicketFixtures tickets = new TicketFixtures(this.jdbc, admin);
		long customer = tickets.customer("Report customer");
		ApiClient.Response policy = admin.post("/api/v1/ticket-sla-policies",
				Map.of("name", ReportFixtures.unique("Reports"), "groupId", team.groupId, "firstResponseMinutes", 30,
						"resolutionMinutes", 120, "calendar", "ALWAYS"));
		assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
		LocalDate day = LocalDate.ofInstant(this.clock.instant(), SHANGHAI);

		// 1: Ann's, high: answered after 10 minutes, solved after an hour: both targets
		// met
		long t1 = ticket(tickets, customer, team, team.annId, "HIGH");
		this.clock.advance(Duration.ofMinutes(1));
		// 2: Bob's: answered after 45 minutes (the 30 minutes' target breached), still
		// open
		long t2 = ticket(tickets, customer, team, team.bobId, "NORMAL");
		this.clock.advance(Duration.ofMinutes(1));
		// 3: nobody's: never answered, its first response past due when the report is
		// read
		long t3 = ticket(tickets, customer, team, null, "NORMAL");
		// 4: merged into the first: not counted
		long t4 = ticket(tickets, customer, team, team.annId, "NORMAL");
		ApiClient.Response merged = admin.post("/api/v1/tickets/" + t4 + "/merge",
				Map.of("into", t1, "version", version(admin, t4)));
		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(8));
		reply(team.ann, t1);
		this.clock.advance(Duration.ofMinutes(36));
		reply(team.bob, t2);
		this.clock.advance(Duration.ofMinutes(14));
		solve(team.ann, t1);
		this.clock.advance(Duration.ofMinutes(10));
		eventsHandled();

		String range = "from=" + day + "&to=" + day.plusDays(1) + "&groupId=" + team.groupId;
		JsonNode report = team.sue.get("/api/v1/reports/tickets?" + range).json();
		assertThat(report.path("created").path("value").asLong()).isEqualTo(3);
		assertThat(report.path("created").path("previous").asLong()).isZero();
		assertThat(report.path("solved").path("value").asLong()).isEqualTo(1);
		assertThat(report.path("backlog").path("start").asLong()).isZero();
		assertThat(report.path("backlog").path("end").asLong()).isEqualTo(2);
		JsonNode first = report.path("firstResponse");
		assertThat(first.path("n").asLong()).isEqualTo(2);
		assertThat(first.path("median").asLong()).as("nearest rank of 10 and 45 minutes").isEqualTo(10 * MINUTE);
		assertThat(first.path("p90").asLong()).isEqualTo(45 * MINUTE);
		assertThat(first.path("average").asLong()).isEqualTo(55 * MINUTE / 2);
		assertThat(report.path("resolution").path("n").asLong()).isEqualTo(1);
		assertThat(report.path("resolution").path("median").asLong()).isEqualTo(60 * MINUTE);
		JsonNode slaFirst = report.path("firstResponseSla");
		assertThat(slaFirst.path("met").asLong()).isEqualTo(1);
		assertThat(slaFirst.path("breached").asLong()).as("one recorded, one running past due").isEqualTo(2);
		assertThat(slaFirst.path("achieved").asDouble()).isEqualTo(0.3333);
		JsonNode slaResolution = report.path("resolutionSla");
		assertThat(slaResolution.path("met").asLong()).isEqualTo(1);
		assertThat(slaResolution.path("running").asLong()).isEqualTo(2);
		assertThat(slaResolution.path("achieved").asDouble()).isEqualTo(1.0);
		assertThat(report.path("series").get(0).path("created").asLong()
				+ report.path("series").get(1).path("created").asLong())
			.isEqualTo(3);
		assertThat(report.path("series").get(1).path("backlog").asLong()).isEqualTo(2);
		assertThat(report.path("priorities").findValuesAsString("priority")).containsExactly("HIGH", "NORMAL");

		// the figures open the tickets behind them, newest first
		assertThat(ids(team.sue.get("/api/v1/reports/tickets/rows?" + range + "&only=breached").json()))
			.containsExactly(t3, t2);
		assertThat(ids(team.sue.get("/api/v1/reports/tickets/rows?" + range + "&only=solved").json()))
			.containsExactly(t1);
		assertThat(ids(team.sue.get("/api/v1/reports/tickets/rows?" + range + "&only=open").json())).containsExactly(t3,
				t2);
		JsonNode page = team.sue.get("/api/v1/reports/tickets/rows?" + range + "&limit=2").json();
		assertThat(ids(page)).containsExactly(t3, t2);
		assertThat(ids(team.sue
			.get("/api/v1/reports/tickets/rows?" + range + "&limit=2&cursor=" + page.path("next").asString())
			.json())).containsExactly(t1);
		JsonNode row = team.sue.get("/api/v1/reports/tickets/rows?" + range + "&only=solved")
			.json()
			.path("items")
			.get(0);
		assertThat(row.path("assignee").asString()).isEqualTo("User " + team.annName);
		assertThat(row.path("firstResponseSla").asString()).isEqualTo("MET");
		assertThat(row.path("resolution").asLong()).isEqualTo(60 * MINUTE);

		// an event delivered twice, and a rebuild, give the same figures
		this.folder.refresh(List.of(t1, t2, t3, t4));
		this.folder.refresh(List.of(t1, t2, t3, t4));
		assertThat(team.sue.get("/api/v1/reports/tickets?" + range).json()).isEqualTo(report);
		this.folder.rebuild();
		assertThat(team.sue.get("/api/v1/reports/tickets?" + range).json()).isEqualTo(report);

		// an agent sees the tickets assigned to him; nobody sees a group not his
		String mine = "from=" + day + "&to=" + day.plusDays(1);
		JsonNode anns = team.ann.get("/api/v1/reports/tickets?" + mine).json();
		assertThat(anns.path("created").path("value").asLong()).isEqualTo(1);
		assertThat(ids(team.ann.get("/api/v1/reports/tickets/rows?" + mine).json())).containsExactly(t1);
		assertThat(team.ann.get("/api/v1/reports/tickets?" + range).status()).isEqualTo(403);
		ReportFixtures.Team other = new ReportFixtures(this.port, admin).team();
		assertThat(other.sue.get("/api/v1/reports/tickets?" + range).status()).isEqualTo(403);
		assertThat(other.sue.get("/api/v1/reports/tickets?" + mine).json().path("created").path("value").asLong())
			.isZero();
	}

	@Test
	void theReportIsExportedWithItsTicketsAndRefusedWithoutTheRight() {
		ApiClient admin = admin();
		ReportFixtures.Team team = new ReportFixtures(this.port, admin).team();
		long customer = new TicketFixtures(this.jdbc, admin).customer("Export customer");
		long ticket = ticket(new TicketFixtures(this.jdbc, admin), customer, team, team.bobId, "URGENT");
		eventsHandled();
		LocalDate day = LocalDate.ofInstant(this.clock.instant(), SHANGHAI);
		String range = "from=" + day + "&to=" + day + "&groupId=" + team.groupId;
		ApiClient.Response csv = team.sue.get("/api/v1/reports/tickets/export?format=csv&" + range);
		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		assertThat(csv.header("Content-Disposition")).contains("parley-tickets-" + day + "-" + day + ".csv");
		assertThat(csv.body()).contains("Tickets created,1,0").contains(String.valueOf(ticket)).contains("URGENT");
		ApiClient.Response xlsx = team.sue.get("/api/v1/reports/tickets/export?format=xlsx&" + range);
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'statistics.exported' AND detail LIKE ?")
					.param("parley-tickets-" + day + "-" + day + ".csv, only=created, groupId=" + team.groupId)
					.query(Integer.class)
					.single())
			.isEqualTo(1);
		assertThat(team.ann.get("/api/v1/reports/tickets/export?" + range).status()).isEqualTo(403);
	}

	@Test
	void badInputIsRefusedWithAClearProblem() {
		ApiClient admin = admin();
		String ok = "from=2026-12-01&to=2026-12-07";
		for (String bad : List.of("from=2026-12-07&to=2026-12-01", "from=2025-01-01&to=2026-12-31", "from=x&to=y",
				ok + "&hours=weekly", ok + "&timeZone=Mars/Base")) {
			ApiClient.Response refused = admin.get("/api/v1/reports/tickets?" + bad);
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.json().path("code").asString()).as(bad).isEqualTo("validation_failed");
		}
		for (String bad : List.of("only=everything", "limit=0", "limit=201", "cursor=abc")) {
			ApiClient.Response refused = admin.get("/api/v1/reports/tickets/rows?" + ok + "&" + bad);
			assertThat(refused.status()).as(bad).isEqualTo(400);
		}
		assertThat(admin.get("/api/v1/reports/tickets/export?format=pdf&" + ok).status()).isEqualTo(400);
	}

	private long ticket(TicketFixtures tickets, long customer, ReportFixtures.Team team, Long assignee,
			String priority) {
		Map<String, Object> fields = new java.util.HashMap<>(Map.of("groupId", team.groupId, "priority", priority));
		if (assignee != null) {
			fields.put("assigneeId", assignee);
		}
		return tickets.ticket(admin(), customer, fields).path("id").asLong();
	}

	private static int version(ApiClient as, long ticket) {
		return as.get("/api/v1/tickets/" + ticket).json().path("version").asInt();
	}

	private static void reply(ApiClient agent, long ticket) {
		ApiClient.Response reply = agent.post("/api/v1/tickets/" + ticket + "/articles",
				Map.of("kind", "REPLY", "body", "We are on it."));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
	}

	private static void solve(ApiClient agent, long ticket) {
		ApiClient.Response solved = agent.send("PATCH", "/api/v1/tickets/" + ticket,
				Map.of("version", version(agent, ticket), "status", "SOLVED"), "application/json");
		assertThat(solved.status()).as(solved.toString()).isEqualTo(200);
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.path("items").forEach((item) -> ids.add(item.path("ticketId").asLong()));
		return ids;
	}

}
