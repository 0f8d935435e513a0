package dev.parley.analytics.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.conversations.ClosedBy;
import dev.parley.conversations.ConversationClosed;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports over the real chat: conversations driven through the API with the clock
 * moved by hand, figures compared with values worked out by hand; an event delivered
 * twice; a rebuild giving the same figures; who sees what; bad input.
 */
class ReportApiTests extends IntegrationTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	AnalyticsWorker worker;

	@Autowired
	ConversationEvents events;

	@Test
	void theFiguresOfAHandMadeDayMatchWhatWasWorkedOutByHand() {
		ReportFixtures.Team team = new ReportFixtures(this.port, admin()).team();
		LocalDate today = today();

		// 1: Ann takes it after 20 s, answers at 50 s, replies 60 s after the visitor's
		// next message, hands it to Bob at 150 s; Bob replies in 30 s and closes at 200 s
		ReportFixtures.Visitor v1 = team.visitor("Where is it?");
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(team.ann.post("/api/v1/conversations/" + v1.id() + "/assign", Map.of()).status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(30));
		ReportFixtures.agentSays(team.ann, v1.id(), "Hello, let me look");
		this.clock.advance(Duration.ofSeconds(10));
		v1.says("It is order 1234");
		this.clock.advance(Duration.ofSeconds(60));
		ReportFixtures.agentSays(team.ann, v1.id(), "Found it");
		this.clock.advance(Duration.ofSeconds(30));
		ApiClient.Response transfer = team.ann.post("/api/v1/conversations/" + v1.id() + "/transfer",
				Map.of("toAgentId", team.bobId));
		assertThat(transfer.status()).as(transfer.toString()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(10));
		v1.says("Thanks, and the refund?");
		this.clock.advance(Duration.ofSeconds(30));
		ReportFixtures.agentSays(team.bob, v1.id(), "Refunded");
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(team.bob.post("/api/v1/conversations/" + v1.id() + "/close", Map.of()).status()).isEqualTo(200);
		v1.rates(4, "Quick");

		// 2: the visitor gives up in the queue after two minutes
		ReportFixtures.Visitor v2 = team.visitor("Where is it?");
		this.clock.advance(Duration.ofSeconds(120));
		v2.leaves();

		eventsHandled();
		this.worker.runOnce();

		JsonNode overview = team.sue.get(query("/api/v1/reports/overview", today, team.channelId)).json();
		JsonNode counts = overview.path("counts");
		assertThat(counts.path("conversations").path("value").asLong()).isEqualTo(2);
		assertThat(counts.path("messagesIn").path("value").asLong()).as("two questions and two messages").isEqualTo(4);
		assertThat(counts.path("messagesOut").path("value").asLong()).isEqualTo(3);
		assertThat(counts.path("abandoned").path("value").asLong()).isEqualTo(1);
		assertThat(counts.path("transfers").path("value").asLong()).isEqualTo(1);
		assertThat(counts.path("conversations").path("previous").asLong()).isZero();
		JsonNode durations = overview.path("durations");
		assertThat(durations.path("wait").path("average").asLong()).isEqualTo(20_000);
		assertThat(durations.path("firstResponse").path("median").asLong()).isEqualTo(50_000);
		assertThat(durations.path("reply").path("n").asLong()).isEqualTo(2);
		assertThat(durations.path("reply").path("median").asLong()).isEqualTo(30_000);
		assertThat(durations.path("reply").path("p90").asLong()).isEqualTo(60_000);
		assertThat(durations.path("handling").path("average").asLong()).isEqualTo(180_000);
		assertThat(durations.path("resolution").path("average").asLong()).isEqualTo(200_000);
		assertThat(durations.path("abandon").path("average").asLong()).isEqualTo(120_000);
		assertThat(overview.path("rates").path("abandonment").path("value").asDouble()).isEqualTo(0.5);
		assertThat(overview.path("rates").path("csat").path("value").asDouble()).isEqualTo(1.0);
		assertThat(overview.path("ratings").get(3).asLong()).isEqualTo(1);
		assertThat(overview.path("series").path("points").get(0).path("conversations").asLong()).isEqualTo(2);
		long heat = 0;
		for (JsonNode day : overview.path("heatmap")) {
			for (JsonNode hour : day) {
				heat += hour.asLong();
			}
		}
		assertThat(heat).as("the heat map counts every conversation of the group").isGreaterThanOrEqualTo(2);

		JsonNode agents = team.sue.get(query("/api/v1/reports/by/agents", today, null) + "&groupId=" + team.groupId)
			.json()
			.path("rows");
		JsonNode ann = row(agents, team.annId);
		assertThat(ann.path("durations").path("firstResponse").path("average").asLong()).isEqualTo(50_000);
		assertThat(ann.path("durations").path("handling").path("average").asLong()).isEqualTo(130_000);
		assertThat(ann.path("counts").path("transfersOut").path("value").asLong()).isEqualTo(1);
		JsonNode bob = row(agents, team.bobId);
		assertThat(bob.path("durations").path("reply").path("average").asLong()).isEqualTo(30_000);
		assertThat(bob.path("counts").path("resolved").path("value").asLong()).isEqualTo(1);
		assertThat(bob.path("rates").path("averageRating").path("value").asDouble()).isEqualTo(4.0);

		// the conversations behind the figures: the slowest first response first, the
		// abandoned one, the comment with the rating
		JsonNode slowest = team.sue
			.get(query("/api/v1/reports/conversations", today, team.channelId) + "&sort=firstResponse")
			.json();
		assertThat(slowest.path("items")).hasSize(1);
		assertThat(slowest.path("items").get(0).path("conversationId").asLong()).isEqualTo(v1.id());
		assertThat(slowest.path("items").get(0).path("firstResponse").asLong()).isEqualTo(50_000);
		assertThat(slowest.path("items").get(0).path("wait").asLong()).isEqualTo(20_000);
		assertThat(slowest.path("items").get(0).path("agent").asString()).isEqualTo("User " + team.bobName);
		JsonNode abandoned = team.sue
			.get(query("/api/v1/reports/conversations", today, team.channelId) + "&only=abandoned")
			.json()
			.path("items");
		assertThat(abandoned.findValuesAsString("conversationId")).containsExactly(String.valueOf(v2.id()));
		assertThat(team.sue.get(query("/api/v1/reports/conversations", today, team.channelId) + "&only=commented")
			.json()
			.path("items")
			.get(0)
			.path("comment")
			.asString()).isEqualTo("Quick");
		JsonNode paged = team.sue.get(query("/api/v1/reports/conversations", today, team.channelId) + "&limit=1")
			.json();
		assertThat(paged.path("items").get(0).path("conversationId").asLong()).isEqualTo(v2.id());
		JsonNode second = team.sue
			.get(query("/api/v1/reports/conversations", today, team.channelId) + "&limit=1&cursor="
					+ paged.path("next").asString())
			.json();
		assertThat(second.path("items").get(0).path("conversationId").asLong()).isEqualTo(v1.id());
		assertThat(second.path("next").isNull()).isTrue();
		// a cell of the heat map: the conversations started in that hour of that weekday
		for (JsonNode item : team.sue.get(query("/api/v1/reports/conversations", today, team.channelId))
			.json()
			.path("items")) {
			java.time.ZonedDateTime started = java.time.Instant.parse(item.path("startedAt").asString())
				.atZone(SHANGHAI);
			String cell = query("/api/v1/reports/conversations", today, team.channelId) + "&weekday="
					+ started.getDayOfWeek().getValue();
			assertThat(team.sue.get(cell + "&hour=" + started.getHour()).json().findValuesAsString("conversationId"))
				.contains(item.path("conversationId").asString());
			assertThat(team.sue.get(cell + "&hour=" + ((started.getHour() + 12) % 24)).json().path("items")).isEmpty();
			assertThat(team.sue
				.get(query("/api/v1/reports/conversations", today, team.channelId) + "&weekday="
						+ (started.getDayOfWeek().getValue() % 7 + 1))
				.json()
				.path("items")).isEmpty();
		}
		// an agent: only the conversations he took part in
		assertThat(team.ann.get(query("/api/v1/reports/conversations", today, team.channelId))
			.json()
			.path("items")
			.findValuesAsString("conversationId")).containsExactly(String.valueOf(v1.id()));

		// the close delivered a second time changes nothing
		String before = overview.toString();
		this.events.on(new ConversationClosed(v1.id(), team.channelId, 0, team.bobId, ClosedBy.AGENT, team.bobId,
				this.clock.instant()));
		this.worker.runOnce();
		assertThat(team.sue.get(query("/api/v1/reports/overview", today, team.channelId)).json().toString())
			.isEqualTo(before);

		// a rebuild from the transcripts gives the same figures
		String agentsBefore = team.sue.get(query("/api/v1/reports/by/agents", today, null)).json().toString();
		ApiClient admin = admin();
		ApiClient.Response started = admin.post("/api/v1/reports/rebuild", Map.of());
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		Eventually.until("the rebuild is done",
				() -> admin.get("/api/v1/reports/rebuild").json().path("state").asString().equals("DONE"));
		assertThat(team.sue.get(query("/api/v1/reports/overview", today, team.channelId)).json().toString())
			.isEqualTo(before);
		assertThat(team.sue.get(query("/api/v1/reports/by/agents", today, null)).json().toString())
			.isEqualTo(agentsBefore);
	}

	@Test
	void changingTheOrganisationsTimeZoneRebuildsTheFiguresInTheNewOne() {
		ReportFixtures.Team team = new ReportFixtures(this.port, admin()).team();
		ReportFixtures.Visitor visitor = team.visitor("Hello?");
		eventsHandled();
		this.worker.runOnce();
		LocalDate shanghai = today();
		// a zone whose date differs from Shanghai's now (one of the two always does)
		ZoneId other = ZoneId.of("Etc/GMT+12");
		if (LocalDate.ofInstant(this.clock.instant(), other).equals(shanghai)) {
			other = ZoneId.of("Pacific/Kiritimati");
		}
		LocalDate there = LocalDate.ofInstant(this.clock.instant(), other);
		assertThat(there).isNotEqualTo(shanghai);
		assertThat(conversations(team, shanghai)).isEqualTo(1);
		ApiClient admin = admin();
		try {
			assertThat(admin.put("/api/v1/settings", Map.of("organisation.timeZone", other.getId())).status())
				.isEqualTo(200);
			eventsHandled();
			Eventually.until("the figures are cut in the new zone",
					() -> conversations(team, there) == 1 && conversations(team, shanghai) == 0);
		}
		finally {
			admin.put("/api/v1/settings", Map.of("organisation.timeZone", SHANGHAI.getId()));
			eventsHandled();
			Eventually.until("the figures are cut in Shanghai again", () -> conversations(team, shanghai) == 1
					&& admin.get("/api/v1/reports/rebuild").json().path("state").asString().equals("DONE"));
		}
		assertThat(visitor.id()).isPositive();
	}

	private long conversations(ReportFixtures.Team team, LocalDate day) {
		return team.sue.get(query("/api/v1/reports/overview", day, team.channelId))
			.json()
			.path("counts")
			.path("conversations")
			.path("value")
			.asLong();
	}

	@Test
	void businessHoursStopTheClockWhenTheGroupCloses() {
		ReportFixtures.Team team = new ReportFixtures(this.port, admin()).team();
		LocalDateTime local = LocalDateTime.ofInstant(this.clock.instant(), SHANGHAI);
		if (local.getHour() == 23 && local.getMinute() >= 50) {
			this.clock.advance(Duration.ofMinutes(15));
			local = LocalDateTime.ofInstant(this.clock.instant(), SHANGHAI);
		}
		LocalDateTime closes = local.withSecond(0).withNano(0).plusMinutes(2);
		ApiClient.Response hours = admin().put("/api/v1/groups/" + team.groupId + "/hours",
				Map.of("slots", List.of(Map.of("day", closes.getDayOfWeek().getValue(), "start", "00:00", "end",
						String.format("%02d:%02d", closes.getHour(), closes.getMinute())))));
		assertThat(hours.status()).as(hours.toString()).isEqualTo(204);

		ReportFixtures.Visitor visitor = team.visitor("Where is it?");
		// stored to the millisecond
		LocalDateTime started = LocalDateTime.ofInstant(this.clock.instant().truncatedTo(ChronoUnit.MILLIS), SHANGHAI);
		long open = Duration.between(started, closes).toMillis();
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(team.ann.post("/api/v1/conversations/" + visitor.id() + "/assign", Map.of()).status())
			.isEqualTo(200);
		this.clock.advance(Duration.ofMillis(open - 10_000 + 50_000));
		ReportFixtures.agentSays(team.ann, visitor.id(), "Sorry for the wait");
		eventsHandled();
		this.worker.runOnce();

		String path = query("/api/v1/reports/overview", local.toLocalDate(), team.channelId);
		JsonNode calendar = team.sue.get(path).json().path("durations").path("firstResponse");
		JsonNode business = team.sue.get(path + "&hours=business").json().path("durations").path("firstResponse");
		assertThat(calendar.path("average").asLong()).isEqualTo(open + 50_000);
		assertThat(business.path("average").asLong()).as("the 50 s after closing do not count").isEqualTo(open);
	}

	@Test
	void agentsSeeTheirOwnFiguresSupervisorsTheirGroupsAndNobodyElseAnything() {
		ReportFixtures.Team team = new ReportFixtures(this.port, admin()).team();
		LocalDate today = today();
		ReportFixtures.Visitor visitor = team.visitor("Where is it?");
		assertThat(team.ann.post("/api/v1/conversations/" + visitor.id() + "/assign", Map.of()).status())
			.isEqualTo(200);
		ReportFixtures.agentSays(team.ann, visitor.id(), "Hi");
		eventsHandled();
		this.worker.runOnce();

		// an agent: his own row only, no team report, nobody else's row
		assertThat(team.ann.get(query("/api/v1/reports/overview", today, null)).status()).isEqualTo(403);
		assertThat(team.ann.get(query("/api/v1/reports/by/groups", today, null)).status()).isEqualTo(403);
		JsonNode own = team.ann.get(query("/api/v1/reports/by/agents", today, null)).json().path("rows");
		assertThat(own.findValuesAsString("id")).isNotEmpty();
		assertThat(own).allMatch((r) -> r.path("id").asLong() == team.annId);
		assertThat(team.ann.get(query("/api/v1/reports/by/agents", today, null) + "&agentId=" + team.bobId).status())
			.isEqualTo(403);

		// a supervisor: his groups, not another group, not conversations of no group
		ApiClient other = signedInAs("supervisor");
		assertThat(other.get(query("/api/v1/reports/overview", today, team.channelId))
			.json()
			.path("counts")
			.path("conversations")
			.path("value")
			.asLong()).as("a supervisor of no group sees nothing of it").isZero();
		assertThat(other.get(query("/api/v1/reports/overview", today, null) + "&groupId=" + team.groupId).status())
			.isEqualTo(403);
		JsonNode groups = team.sue.get(query("/api/v1/reports/by/groups", today, null)).json().path("rows");
		assertThat(groups).allMatch((r) -> r.path("id").asLong() == team.groupId);

		// no permission at all: technical support
		assertThat(signedInAs("support").get(query("/api/v1/reports/by/agents", today, null)).status()).isEqualTo(403);
		// only those who see everything rebuild
		assertThat(team.sue.post("/api/v1/reports/rebuild", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void theTopicReportKeepsAConversationWhereItStartedTheGroupReportFollowsTransfers() {
		ReportFixtures.Team team = new ReportFixtures(this.port, admin()).team();
		LocalDate today = today();
		long escalations = admin()
			.post("/api/v1/groups", Map.of("name", "Escalations " + team.channelId, "routing", "manual", "members",
					List.of(Map.of("userId", team.sueId, "supervisor", true))))
			.json()
			.path("id")
			.asLong();
		ReportFixtures.Visitor stays = team.visitor("Where is my parcel?");
		ReportFixtures.Visitor moved = team.visitor("I want to complain");
		ReportFixtures.take(team.ann, moved.id());
		ApiClient.Response transfer = team.ann.post("/api/v1/conversations/" + moved.id() + "/transfer",
				Map.of("toGroupId", escalations));
		assertThat(transfer.status()).as(transfer.toString()).isEqualTo(200);
		eventsHandled();
		this.worker.runOnce();

		JsonNode groups = team.sue.get(query("/api/v1/reports/by/groups", today, team.channelId)).json().path("rows");
		assertThat(row(groups, team.groupId).path("counts").path("conversations").path("value").asLong()).isEqualTo(1);
		assertThat(row(groups, escalations).path("counts").path("conversations").path("value").asLong()).isEqualTo(1);
		JsonNode topics = team.sue.get(query("/api/v1/reports/by/topics", today, team.channelId)).json();
		assertThat(topics.path("by").asString()).isEqualTo("topics");
		assertThat(topics.path("rows")).hasSize(1);
		JsonNode topic = row(topics.path("rows"), team.groupId);
		assertThat(topic.path("name").asString()).isEqualTo(row(groups, team.groupId).path("name").asString());
		assertThat(topic.path("counts").path("conversations").path("value").asLong()).as("both started here")
			.isEqualTo(2);
		assertThat(topic.path("counts").path("transferred").path("value").asLong()).isEqualTo(1);
		assertThat(
				team.sue.get(query("/api/v1/reports/conversations", today, team.channelId) + "&topicId=" + team.groupId)
					.json()
					.findValuesAsString("conversationId"))
			.as("the topic's row drills to both")
			.containsExactlyInAnyOrder(String.valueOf(stays.id()), String.valueOf(moved.id()));
		assertThat(team.ann.get(query("/api/v1/reports/by/topics", today, team.channelId)).status()).as("a team report")
			.isEqualTo(403);
	}

	@Test
	void badRangesDimensionsAndTimeZonesAreRefused() {
		ApiClient admin = admin();
		assertThat(admin.get("/api/v1/reports/overview?from=2026-12-07&to=2026-12-01").code())
			.isEqualTo("validation_failed");
		assertThat(admin.get("/api/v1/reports/overview?from=2025-01-01&to=2026-12-01").json().toString())
			.contains("must be at most 366 days after from");
		assertThat(admin.get("/api/v1/reports/overview?from=2026-13-01&to=2026-12-01").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/reports/overview?to=2026-12-01").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/reports/overview?from=1900-01-01&to=1900-01-02").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/reports/overview?from=2026-12-01&to=2026-12-01&hours=fast").code())
			.isEqualTo("validation_failed");
		assertThat(admin.get("/api/v1/reports/overview?from=2026-12-01&to=2026-12-01&timeZone=Mars/Olympus").code())
			.isEqualTo("validation_failed");
		assertThat(admin.get("/api/v1/reports/overview?from=2026-12-01&to=2026-12-01&timeZone=Europe/Paris").code())
			.isEqualTo("time_zone_not_supported");
		assertThat(admin.get("/api/v1/reports/overview?from=2026-12-01&to=2026-12-01&timeZone=Asia/Shanghai").status())
			.isEqualTo(200);
		assertThat(admin.get("/api/v1/reports/by/colours?from=2026-12-01&to=2026-12-01").code())
			.isEqualTo("unknown_dimension");
		assertThat(admin.get("/api/v1/reports/overview?from=2026-12-01&to=2026-12-01&groupId=abc").status())
			.isEqualTo(400);
		assertThat(client().get("/api/v1/reports/overview?from=2026-12-01&to=2026-12-01").status()).isEqualTo(401);
		String rows = "/api/v1/reports/conversations?from=2026-12-01&to=2026-12-01";
		assertThat(admin.get(rows + "&sort=colour").code()).isEqualTo("validation_failed");
		assertThat(admin.get(rows + "&only=happy").code()).isEqualTo("unknown_filter");
		assertThat(admin.get(rows + "&limit=0").code()).isEqualTo("validation_failed");
		assertThat(admin.get(rows + "&limit=201").code()).isEqualTo("validation_failed");
		assertThat(admin.get(rows + "&cursor=abc").code()).isEqualTo("validation_failed");
		assertThat(admin.get(rows + "&rating=9").code()).isEqualTo("validation_failed");
		assertThat(admin.get(rows + "&weekday=0").code()).isEqualTo("validation_failed");
		assertThat(admin.get(rows + "&weekday=8").code()).isEqualTo("validation_failed");
		assertThat(admin.get(rows + "&hour=24").code()).isEqualTo("validation_failed");
		assertThat(admin.get(rows + "&hour=-1").code()).isEqualTo("validation_failed");
		assertThat(admin.get(rows + "&hour=noon").status()).isEqualTo(400);
		assertThat(admin.get(rows + "&minimum=1000").code()).as("a minimum needs a duration")
			.isEqualTo("validation_failed");
		assertThat(admin.get(rows + "&sort=wait&minimum=-1").code()).isEqualTo("validation_failed");
		assertThat(admin.get(rows + "&sort=wait&minimum=1000").status()).isEqualTo(200);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), SHANGHAI);
	}

	private static String query(String path, LocalDate day, Long channelId) {
		return path + "?from=" + day + "&to=" + day + ((channelId != null) ? "&channelId=" + channelId : "");
	}

	private static JsonNode row(JsonNode rows, long id) {
		for (JsonNode row : rows) {
			if (row.path("id").asLong() == id) {
				return row;
			}
		}
		throw new AssertionError("No row " + id + " in " + rows);
	}

}
