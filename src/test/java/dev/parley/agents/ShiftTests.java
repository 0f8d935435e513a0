package dev.parley.agents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shifts and business hours over HTTP, in the routing tests' context (the clock is set to
 * chosen days, and put back after each test). The organisation's zone is Asia/Shanghai,
 * from setup; how shifts behave across clock changes is in ScheduleTests.
 */
class ShiftTests extends RoutingTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** A local time in the organisation's zone; 2026-12-07 is a Monday. */
	private static Instant local(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
	}

	private static Map<String, Object> slot(int day, String start, String end) {
		return Map.of("day", day, "start", start, "end", end);
	}

	private static Map<String, Object> week(Map<?, ?>... slots) {
		return Map.of("slots", List.of(slots));
	}

	private boolean open(String key) {
		return client().get("/api/v1/widget/channels/" + key).json().path("open").asBoolean();
	}

	private void plan(ApiClient as, long userId, Map<String, Object> week) {
		ApiClient.Response response = as.put("/api/v1/shifts/agents/" + userId + "/weekly", week);
		assertThat(response.status()).as(response.toString()).isEqualTo(204);
	}

	@Test
	void conversationsGoOnlyToAgentsOnShiftAcrossTheDayAndMidnight() {
		this.clock.set(local("2026-12-07T10:00"));
		Agent early = agent(3, "online");
		Agent late = agent(3, "online");
		long channel = channel();
		long groupId = group("least_busy", channel, List.of(early, late), null).path("id").asLong();
		plan(admin(), early.id(), week(slot(1, "08:00", "12:00")));
		// Monday evening into Tuesday night
		plan(admin(), late.id(), week(slot(1, "12:00", "02:00")));

		long morning = arrive(key(channel));
		eventually("the early agent takes the morning", () -> Long.valueOf(early.id()).equals(assignee(morning)));

		this.clock.set(local("2026-12-07T23:30"));
		long evening = arrive(key(channel));
		eventually("the late agent takes the evening", () -> Long.valueOf(late.id()).equals(assignee(evening)));

		this.clock.set(local("2026-12-08T01:30"));
		long night = arrive(key(channel));
		eventually("the late agent is still on after midnight", () -> Long.valueOf(late.id()).equals(assignee(night)));

		// nobody on shift: the group's hours follow its members' shifts, so it is closed
		this.clock.set(local("2026-12-08T02:00"));
		assertThat(open(key(channel))).isFalse();

		// with explicit hours from 07:00 a visitor may wait for the first shift
		ApiClient.Response hours = admin().put("/api/v1/groups/" + groupId + "/hours", week(slot(1, "07:00", "23:00")));
		assertThat(hours.status()).as(hours.toString()).isEqualTo(204);
		this.clock.set(local("2026-12-14T07:45"));
		assertThat(open(key(channel))).isTrue();
		long waiting = arrive(key(channel));
		this.router.sweep();
		assertThat(assignee(waiting)).as("before the shift").isNull();
		this.clock.set(local("2026-12-14T08:00"));
		this.router.sweep();
		eventually("the shift's start picks up the waiting one",
				() -> Long.valueOf(early.id()).equals(assignee(waiting)));

		JsonNode board = admin().get("/api/v1/board").json();
		for (JsonNode agent : board.path("agents")) {
			if (agent.path("userId").asLong() == early.id()) {
				assertThat(agent.path("onShift").asBoolean()).isTrue();
			}
			if (agent.path("userId").asLong() == late.id()) {
				assertThat(agent.path("onShift").asBoolean()).isFalse();
			}
		}
	}

	@Test
	void aGroupsWeekAppliesToMembersWithoutTheirOwnAndExceptionsOverrideIt() {
		this.clock.set(local("2026-12-07T10:00"));
		Agent member = agent(3, "online");
		long channel = channel();
		long groupId = group("least_busy", channel, List.of(member), null).path("id").asLong();
		ApiClient.Response set = admin().put("/api/v1/shifts/groups/" + groupId + "/weekly",
				week(slot(1, "09:00", "17:00"), slot(2, "09:00", "17:00")));
		assertThat(set.status()).as(set.toString()).isEqualTo(204);
		ApiClient.Response holiday = admin().post("/api/v1/shifts/exceptions",
				Map.of("groupId", groupId, "date", "2026-12-08", "kind", "off", "note", "Team day"));
		assertThat(holiday.status()).as(holiday.toString()).isEqualTo(201);
		ApiClient.Response extra = admin().post("/api/v1/shifts/exceptions",
				Map.of("userId", member.id(), "date", "2026-12-12", "kind", "extra", "start", "10:00", "end", "14:00"));
		assertThat(extra.status()).as(extra.toString()).isEqualTo(201);

		JsonNode week = admin().get("/api/v1/shifts?week=2026-12-09").json();
		assertThat(week.path("weekStart").asString()).isEqualTo("2026-12-07");
		JsonNode days = null;
		for (JsonNode agent : week.path("agents")) {
			if (agent.path("userId").asLong() == member.id()) {
				assertThat(agent.path("source").asString()).isEqualTo("groups");
				days = agent.path("days");
			}
		}
		assertThat(days).isNotNull();
		assertThat(days.get(0).get(0).path("start").asString()).isEqualTo("09:00");
		assertThat(days.get(0).get(0).path("end").asString()).isEqualTo("17:00");
		assertThat(days.get(1)).as("the team day").isEmpty();
		assertThat(days.get(2)).isEmpty();
		assertThat(days.get(5).get(0).path("start").asString()).as("the extra Saturday").isEqualTo("10:00");
		assertThat(week.path("exceptions")).hasSizeGreaterThanOrEqualTo(2);

		this.clock.set(local("2026-12-08T10:00"));
		assertThat(open(key(channel))).as("closed for the team day").isFalse();
		ApiClient.Response removed = admin().delete("/api/v1/shifts/exceptions/" + holiday.json().path("id").asLong());
		assertThat(removed.status()).isEqualTo(204);
		assertThat(open(key(channel))).isTrue();
		long id = arrive(key(channel));
		eventually("taken once the day is a working day again", () -> Long.valueOf(member.id()).equals(assignee(id)));
	}

	@Test
	void outsideBusinessHoursVisitorsLeaveAMessageThatWaitsInTheBacklog() {
		this.clock.set(local("2026-12-07T18:00"));
		Agent agent = agent(3, "online");
		long channel = channel();
		long groupId = group("least_busy", channel, List.of(agent), null).path("id").asLong();
		ApiClient.Response hours = admin().put("/api/v1/groups/" + groupId + "/hours",
				week(slot(1, "09:00", "17:00"), slot(2, "09:00", "17:00")));
		assertThat(hours.status()).as(hours.toString()).isEqualTo(204);
		String key = key(channel);

		JsonNode widget = client().get("/api/v1/widget/channels/" + key).json();
		assertThat(widget.path("open").asBoolean()).isFalse();
		assertThat(Instant.parse(widget.path("opensAt").asString())).isEqualTo(local("2026-12-08T09:00"));

		ApiClient visitor = visitor(key);
		ApiClient.Response refused = visitor.post("/api/v1/widget/conversations", Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("code").asString()).isEqualTo("outside_hours");

		ApiClient.Response noWayBack = visitor.post("/api/v1/widget/messages",
				Map.of("clientId", "left-0", "text", "Call me back"));
		assertThat(noWayBack.status()).as(noWayBack.toString()).isEqualTo(400);
		ApiClient.Response empty = visitor.post("/api/v1/widget/messages",
				Map.of("clientId", "left-0", "email", "ann@example.com"));
		assertThat(empty.status()).isEqualTo(400);
		ApiClient.Response badTopic = visitor.post("/api/v1/widget/messages",
				Map.of("clientId", "left-0", "email", "ann@example.com", "text", "Hello", "topic", 999999));
		assertThat(badTopic.status()).isEqualTo(400);
		ApiClient.Response noClientId = visitor.post("/api/v1/widget/messages",
				Map.of("name", "Ann", "email", "ann@example.com", "text", "My order <b>42</b> is late"));
		assertThat(noClientId.status()).as(noClientId.toString()).isEqualTo(400);
		Map<String, Object> form = Map.of("clientId", "left-1", "name", "Ann", "email", "ann@example.com", "text",
				"My order <b>42</b> is late");
		ApiClient.Response left = visitor.post("/api/v1/widget/messages", form);
		assertThat(left.status()).as(left.toString()).isEqualTo(201);
		long id = left.json().path("id").asLong();
		// the answer got lost and the widget sends it again: stored once
		ApiClient.Response again = visitor.post("/api/v1/widget/messages", form);
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().path("id").asLong()).isEqualTo(id);
		assertThat(admin().get("/api/v1/conversations/" + id + "/messages").json().path("items").size()).isEqualTo(1);
		JsonNode conversation = conversation(id);
		assertThat(conversation.path("status").asString()).isEqualTo("waiting");
		assertThat(conversation.path("leftMessageAt").isNull()).isFalse();
		assertThat(conversation.path("groupId").asLong()).isEqualTo(groupId);
		assertThat(conversation.path("visitor").path("email").asString()).isEqualTo("ann@example.com");
		assertThat(admin().get("/api/v1/conversations/" + id + "/messages").json().toString())
			.contains("My order <b>42</b> is late");

		// next morning the agent is on shift, but a left message is picked by hand
		this.clock.set(local("2026-12-08T09:30"));
		this.router.sweep();
		assertThat(assignee(id)).isNull();
		assertThat(client().get("/api/v1/widget/channels/" + key).json().path("open").asBoolean()).isTrue();
		ApiClient.Response picked = agent.api().post("/api/v1/conversations/" + id + "/assign", Map.of());
		assertThat(picked.status()).as(picked.toString()).isEqualTo(200);
	}

	@Test
	void aVisitorWaitingTooLongIsOfferedToLeaveAMessage() {
		this.clock.set(local("2026-12-09T10:00"));
		long channel = channel();
		// someone could answer (manual routing: nobody assigns), so no offer at once
		group("manual", channel, List.of(agent(3, "online")), null);
		ApiClient visitor = visitor(key(channel));
		long id = visitor.post("/api/v1/widget/conversations", Map.of()).json().path("id").asLong();
		String queue = "/api/v1/widget/conversations/" + id + "/queue";
		assertThat(visitor.get(queue).json().path("offerMessage").asBoolean()).isFalse();
		this.clock.advance(java.time.Duration.ofSeconds(181));
		assertThat(visitor.get(queue).json().path("offerMessage").asBoolean()).isTrue();
		ApiClient.Response left = visitor.post("/api/v1/widget/messages",
				Map.of("clientId", "left-2", "phone", "+86 21 5555 0101", "text", "Please call me"));
		assertThat(left.status()).as(left.toString()).isEqualTo(201);
		assertThat(left.json().path("id").asLong()).as("the same conversation").isEqualTo(id);
		assertThat(conversation(id).path("leftMessageAt").isNull()).isFalse();
		JsonNode place = visitor.get(queue).json();
		assertThat(place.path("position").isNull()).as("no longer in the live queue").isTrue();
		assertThat(place.path("offerMessage").asBoolean()).isFalse();
	}

	@Test
	void aWaitingVisitorLearnsAtOnceWhetherAnyoneCanAnswerAndAnEstimateOnlyFromRecentMeasuredWaits() {
		this.clock.set(local("2026-12-09T10:00"));
		Agent agent = agent(1, "away");
		long channel = channel();
		group("manual", channel, List.of(agent), null);
		ApiClient first = visitor(key(channel));
		long firstId = first.post("/api/v1/widget/conversations", Map.of()).json().path("id").asLong();
		String firstQueue = "/api/v1/widget/conversations/" + firstId + "/queue";

		// every agent away: said at once, the message form offered, no made-up wait
		JsonNode nobody = first.get(firstQueue).json();
		assertThat(nobody.path("answering").asString()).isEqualTo("nobody");
		assertThat(nobody.path("position").asInt()).isEqualTo(1);
		assertThat(nobody.path("offerMessage").asBoolean()).as("offered at once").isTrue();
		assertThat(nobody.path("estimatedWaitSeconds").isNull()).as("no estimate").isTrue();

		// online with room, but no wait measured yet: no estimate, no offer yet
		agent.api().put("/api/v1/agents/me/status", Map.of("status", "online"));
		JsonNode available = first.get(firstQueue).json();
		assertThat(available.path("answering").asString()).isEqualTo("available");
		assertThat(available.path("offerMessage").asBoolean()).isFalse();
		assertThat(available.path("estimatedWaitSeconds").isNull()).as("no measured wait").isTrue();

		// the agent takes it after two minutes: a measured wait
		this.clock.advance(Duration.ofSeconds(120));
		ApiClient.Response taken = agent.api().post("/api/v1/conversations/" + firstId + "/assign", Map.of());
		assertThat(taken.status()).as(taken.toString()).isEqualTo(200);

		// full: busy, an estimate from the measured wait; the offer after the setting
		ApiClient second = visitor(key(channel));
		long secondId = second.post("/api/v1/widget/conversations", Map.of()).json().path("id").asLong();
		String secondQueue = "/api/v1/widget/conversations/" + secondId + "/queue";
		JsonNode busy = second.get(secondQueue).json();
		assertThat(busy.path("answering").asString()).isEqualTo("busy");
		assertThat(busy.path("estimatedWaitSeconds").asInt()).isEqualTo(120);
		assertThat(busy.path("offerMessage").asBoolean()).isFalse();
		this.clock.advance(Duration.ofSeconds(181));
		assertThat(second.get(secondQueue).json().path("offerMessage").asBoolean()).isTrue();

		// a day later the old wait is no basis any more
		this.clock.advance(Duration.ofHours(25));
		assertThat(second.get(secondQueue).json().path("estimatedWaitSeconds").isNull()).isTrue();

		// someone else's conversation: refused as unknown
		assertThat(first.get(secondQueue).status()).isEqualTo(404);
	}

	@Test
	void preChatTopicsLeadToTheirGroups() {
		this.clock.set(local("2026-12-09T11:00"));
		Agent seller = agent(3, "online");
		Agent biller = agent(3, "online");
		long channel = channel();
		long sales = group("least_busy", channel(), List.of(seller), null).path("id").asLong();
		long billing = group("least_busy", channel(), List.of(biller), null).path("id").asLong();
		Map<String, Object> settings = new HashMap<>(Map.of("name", unique("Topics"), "allowedOrigins", List.of("*"),
				"topics",
				List.of(Map.of("groupId", sales, "label", "Sales"), Map.of("groupId", billing, "label", "Billing"))));
		ApiClient.Response updated = admin().put("/api/v1/channels/" + channel, settings);
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		settings.put("topics", List.of(Map.of("groupId", 987654, "label", "Nowhere")));
		assertThat(admin().put("/api/v1/channels/" + channel, settings).status()).isEqualTo(400);
		settings.put("topics", List.of(Map.of("groupId", sales, "label", ""), Map.of("groupId", billing, "label", "")));
		assertThat(admin().put("/api/v1/channels/" + channel, settings).status()).isEqualTo(400);

		String key = key(channel);
		JsonNode widget = client().get("/api/v1/widget/channels/" + key).json();
		assertThat(widget.path("topics")).hasSize(2);
		assertThat(widget.path("topics").get(1).path("label").asString()).isEqualTo("Billing");

		ApiClient visitor = visitor(key);
		assertThat(visitor.post("/api/v1/widget/conversations", Map.of()).status()).as("topic required").isEqualTo(400);
		assertThat(visitor.post("/api/v1/widget/conversations", Map.of("topic", 424242)).status()).isEqualTo(400);
		long id = visitor.post("/api/v1/widget/conversations", Map.of("topic", billing)).json().path("id").asLong();
		eventually("the billing agent takes it", () -> Long.valueOf(biller.id()).equals(assignee(id)));
	}

	@Test
	void onlyAdministratorsAndTheGroupsSupervisorsPlanShiftsAndBadPlansChangeNothing() {
		this.clock.set(local("2026-12-09T12:00"));
		Agent member = agent(3, "online");
		Agent outsider = agent(3, "online");
		long supervisorId = createUser(unique("sup"), "supervisor").path("id").asLong();
		String supervisorName = admin().get("/api/v1/users/" + supervisorId).json().path("username").asString();
		ApiClient supervisor = client();
		supervisor.login(supervisorName, INITIAL_PASSWORD);
		supervisor.post("/api/v1/session/password",
				Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		ApiClient.Response created = admin().post("/api/v1/groups",
				Map.of("name", unique("Supervised"), "routing", "least_busy", "members",
						List.of(Map.of("userId", member.id(), "supervisor", false),
								Map.of("userId", supervisorId, "supervisor", true))));
		long groupId = created.json().path("id").asLong();
		long otherGroup = group("least_busy", channel(), List.of(outsider), null).path("id").asLong();

		// an agent plans nothing, not even their own week
		assertThat(member.api().put("/api/v1/shifts/agents/" + member.id() + "/weekly", week()).status())
			.isEqualTo(403);
		assertThat(member.api().put("/api/v1/shifts/groups/" + groupId + "/weekly", week()).status()).isEqualTo(403);
		assertThat(member.api()
			.post("/api/v1/shifts/exceptions", Map.of("userId", member.id(), "date", "2026-12-10", "kind", "off"))
			.status()).isEqualTo(403);
		// a supervisor plans his group and its members, not others
		plan(supervisor, member.id(), week(slot(3, "09:00", "18:00")));
		assertThat(supervisor.put("/api/v1/shifts/groups/" + groupId + "/weekly", week(slot(1, "09:00", "18:00")))
			.status()).isEqualTo(204);
		assertThat(supervisor.put("/api/v1/shifts/groups/" + otherGroup + "/weekly", week(slot(1, "09:00", "18:00")))
			.status()).isEqualTo(403);
		assertThat(supervisor.put("/api/v1/shifts/agents/" + outsider.id() + "/weekly", week(slot(1, "09:00", "18:00")))
			.status()).isEqualTo(403);
		assertThat(supervisor.put("/api/v1/groups/" + otherGroup + "/hours", week(slot(1, "09:00", "18:00"))).status())
			.isEqualTo(403);

		assertThat(admin()
			.post("/api/v1/shifts/exceptions",
					Map.of("userId", member.id(), "date", "2026-12-12", "kind", "extra", "start", "10:00", "end",
							"14:00"))
			.status()).isEqualTo(201);
		String before = admin().get("/api/v1/shifts?week=2026-12-09").body();
		List<Map<String, Object>> bad = List.of(week(slot(1, "09:00", "13:00"), slot(1, "12:00", "18:00")),
				week(slot(7, "22:00", "06:00"), slot(1, "05:00", "09:00")), week(slot(8, "09:00", "10:00")),
				week(slot(1, "9am", "10:00")), week(slot(1, "09:00", "09:00")), Map.of());
		for (Map<String, Object> body : bad) {
			ApiClient.Response response = admin().put("/api/v1/shifts/agents/" + member.id() + "/weekly", body);
			assertThat(response.status()).as(body + " -> " + response).isIn(400, 409);
			assertThat(response.json().path("code").isMissingNode()).isFalse();
		}
		assertThat(admin().put("/api/v1/shifts/agents/99999999/weekly", week()).json().path("code").asString())
			.isEqualTo("unknown_user");
		assertThat(admin().put("/api/v1/shifts/groups/99999999/weekly", week()).status()).isEqualTo(404);
		List<Map<String, Object>> badExceptions = List.of(
				Map.of("userId", member.id(), "date", "2026-13-01", "kind", "off"),
				Map.of("userId", member.id(), "date", "2026-12-10", "kind", "holiday"),
				Map.of("userId", member.id(), "groupId", groupId, "date", "2026-12-10", "kind", "off"),
				Map.of("userId", member.id(), "date", "2026-12-10", "kind", "extra"),
				Map.of("userId", member.id(), "date", "2031-12-10", "kind", "off"),
				Map.of("userId", member.id(), "date", "2026-12-10", "kind", "off", "note", "x".repeat(201)));
		for (Map<String, Object> body : badExceptions) {
			ApiClient.Response response = admin().post("/api/v1/shifts/exceptions", body);
			assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
		}
		assertThat(admin()
			.post("/api/v1/shifts/exceptions",
					Map.of("userId", member.id(), "date", "2026-12-12", "kind", "extra", "start", "13:00", "end",
							"15:00"))
			.json()
			.path("code")
			.asString()).isEqualTo("overlapping_shifts");
		assertThat(admin().get("/api/v1/shifts?week=2026-12-09").body()).as("nothing changed").isEqualTo(before);
		assertThat(admin().get("/api/v1/shifts?week=someday").status()).isEqualTo(400);
		assertThat(member.api().get("/api/v1/shifts").status()).isEqualTo(403);
	}

}
