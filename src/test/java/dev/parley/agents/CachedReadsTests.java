package dev.parley.agents;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings and shift plans are read through a cache on the routing and visitor paths; a
 * change made on this node is in force at once, whatever changed it (the node-to-node
 * half is in {@code ClusterCacheTests}). Each test reads first, so the cache holds the
 * old value when the change comes; and once cached, they cost no statement (counted with
 * H2's query statistics; docs/performance.md has the figures before and after). The
 * context is the routing tests' ({@link RoutingTest}), whose router sweeps only when
 * asked.
 */
class CachedReadsTests extends RoutingTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	JdbcClient jdbc;

	/** A local time in the organisation's zone; 2026-12-07 is a Monday. */
	private static Instant local(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
	}

	private boolean open(String key) {
		return client().get("/api/v1/widget/channels/" + key).json().path("open").asBoolean();
	}

	private long dayOff(long userId, String date) {
		ApiClient.Response off = admin().post("/api/v1/shifts/exceptions",
				Map.of("userId", userId, "date", date, "kind", "off"));
		assertThat(off.status()).as(off.toString()).isEqualTo(201);
		return off.json().path("id").asLong();
	}

	@Test
	void aSettingChangeIsInForceAtOnce() {
		String key = key(channel());
		String before = client().get("/api/v1/widget/channels/" + key).json().path("organisation").asString();
		String renamed = unique("Acme");
		try {
			assertThat(admin().put("/api/v1/settings", Map.of("organisation.name", renamed)).status()).isEqualTo(200);
			assertThat(client().get("/api/v1/widget/channels/" + key).json().path("organisation").asString())
				.isEqualTo(renamed);
		}
		finally {
			admin().put("/api/v1/settings", Map.of("organisation.name", before));
		}
		assertThat(client().get("/api/v1/widget/channels/" + key).json().path("organisation").asString())
			.isEqualTo(before);
	}

	@Test
	void shiftExceptionsMembershipsAndDeletedUsersAreInForceAtOnce() {
		this.clock.set(local("2026-12-07T10:00"));
		Agent member = agent(3, "online");
		Agent other = agent(3, "online");
		long channel = channel();
		String key = key(channel);
		long groupId = group("least_busy", channel, List.of(member), null).path("id").asLong();
		assertThat(open(key)).as("an unplanned member works all day").isTrue();

		long off = dayOff(member.id(), "2026-12-07");
		assertThat(open(key)).as("the only member's day off closes the group").isFalse();
		assertThat(admin().delete("/api/v1/shifts/exceptions/" + off).status()).isEqualTo(204);
		assertThat(open(key)).as("the day off withdrawn").isTrue();

		ApiClient.Response week = admin().put("/api/v1/shifts/agents/" + member.id() + "/weekly",
				Map.of("slots", List.of(Map.of("day", 1, "start", "14:00", "end", "18:00"))));
		assertThat(week.status()).as(week.toString()).isEqualTo(204);
		assertThat(open(key)).as("the member's shift starts at two").isFalse();

		ApiClient.Response joined = admin()
			.put("/api/v1/groups/" + groupId,
					Map.of("name", unique("Group"), "routing", "least_busy", "members",
							List.of(Map.of("userId", member.id(), "supervisor", false),
									Map.of("userId", other.id(), "supervisor", false)),
							"channelIds", List.of(channel)));
		assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
		assertThat(open(key)).as("an unplanned member joined").isTrue();

		dayOff(other.id(), "2026-12-07");
		assertThat(open(key)).isFalse();
		ApiClient.Response hours = admin().put("/api/v1/groups/" + groupId + "/hours",
				Map.of("slots", List.of(Map.of("day", 1, "start", "08:00", "end", "12:00"))));
		assertThat(hours.status()).as(hours.toString()).isEqualTo(204);
		assertThat(open(key)).as("explicit hours from eight").isTrue();
	}

	@Test
	void aDeletedMembersShiftsNoLongerKeepTheGroupClosed() {
		this.clock.set(local("2026-12-07T10:00"));
		Agent member = agent(3, "online");
		long channel = channel();
		String key = key(channel);
		group("least_busy", channel, List.of(member), null);
		dayOff(member.id(), "2026-12-07");
		assertThat(open(key)).isFalse();
		assertThat(admin().delete("/api/v1/users/" + member.id()).status()).isEqualTo(204);
		assertThat(open(key)).as("a group with nobody in it is always open").isTrue();
	}

	@Test
	void aCachedPlanFollowsTheClockPastMidnightAndIntoWeeksItHasNotRead() {
		this.clock.set(local("2026-12-07T23:50"));
		Agent member = agent(3, "online");
		long channel = channel();
		String key = key(channel);
		group("least_busy", channel, List.of(member), null);
		dayOff(member.id(), "2026-12-08");
		dayOff(member.id(), "2027-01-11");
		assertThat(open(key)).isTrue();
		this.clock.set(local("2026-12-08T00:10"));
		assertThat(open(key)).as("the day off began at midnight").isFalse();
		this.clock.set(local("2026-12-09T00:10"));
		assertThat(open(key)).isTrue();
		this.clock.set(local("2027-01-11T12:00"));
		assertThat(open(key)).as("a day off five weeks after the plan was first read").isFalse();
	}

	@Test
	void aNewTimeZoneMovesEveryShiftAtOnce() {
		// 10:00 in Shanghai is 02:00 in UTC
		this.clock.set(local("2026-12-07T10:00"));
		Agent member = agent(3, "online");
		long channel = channel();
		String key = key(channel);
		group("least_busy", channel, List.of(member), null);
		ApiClient.Response week = admin().put("/api/v1/shifts/agents/" + member.id() + "/weekly",
				Map.of("slots", List.of(Map.of("day", 1, "start", "09:00", "end", "17:00"))));
		assertThat(week.status()).as(week.toString()).isEqualTo(204);
		assertThat(open(key)).isTrue();
		try {
			assertThat(admin().put("/api/v1/settings", Map.of("organisation.timeZone", "UTC")).status()).isEqualTo(200);
			assertThat(open(key)).as("02:00 in the new zone").isFalse();
		}
		finally {
			admin().put("/api/v1/settings", Map.of("organisation.timeZone", "Asia/Shanghai"));
			// the statistics rebuild in each new zone: let them finish before other tests
			// count
			eventsHandled();
			ApiClient admin = admin();
			Eventually.until("the statistics are rebuilt",
					() -> !admin.get("/api/v1/reports/rebuild").json().path("state").asString().equals("RUNNING"));
		}
		assertThat(open(key)).isTrue();
	}

	@Test
	void aWaitingVisitorsPollAndARoutingDecisionReadNoSettingsOrShiftPlanOnceCached() {
		this.clock.set(local("2026-12-07T10:00"));
		long waitingChannel = channel();
		group("least_busy", waitingChannel, List.of(agent(3, "away")), null);
		ApiClient waiting = visitor(key(waitingChannel));
		long conversation = waiting.post("/api/v1/widget/conversations", Map.of()).json().path("id").asLong();
		String queue = "/api/v1/widget/conversations/" + conversation + "/queue";
		Agent agent = agent(5, "online");
		long channel = channel();
		group("least_busy", channel, List.of(agent), null);
		ApiClient arriving = visitor(key(channel));
		// a setting stored (unchanged) and a group created: both caches start empty
		assertThat(admin().put("/api/v1/settings", Map.of("chat.offerMessageAfterSeconds", "180")).status())
			.isEqualTo(200);
		Statements first = statements(() -> assertThat(waiting.get(queue).status()).isEqualTo(200));

		Statements polls = statements(() -> {
			for (int i = 0; i < 10; i++) {
				assertThat(waiting.get(queue).status()).isEqualTo(200);
			}
		});
		Statements routing = statements(() -> {
			long routed = arriving.post("/api/v1/widget/conversations", Map.of()).json().path("id").asLong();
			eventually("routed", () -> Long.valueOf(agent.id()).equals(assigneeFromDatabase(routed)));
		});
		System.out.printf("Statements: first poll %s; per poll %s; a chat started and routed %s%n", first,
				polls.per(10), routing);
		assertThat(first.cached()).as("the first poll after a change reads them").isPositive();
		assertThat(polls.cached()).as("statements on settings and shift plans in 10 polls").isZero();
		assertThat(routing.cached()).as("statements on settings and shift plans for a routed chat").isZero();
	}

	/** How many statements ran, and how many of them read settings or the shift plan. */
	record Statements(double all, double cached) {

		Statements per(int n) {
			return new Statements(this.all / n, this.cached / n);
		}

	}

	private Statements statements(Runnable action) {
		this.jdbc.sql("SET QUERY_STATISTICS TRUE").update();
		try {
			action.run();
			long all = 0;
			long cached = 0;
			for (Map<String, Object> row : this.jdbc
				.sql("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")
				.query()
				.listOfRows()) {
				String sql = String.valueOf(row.get("SQL_STATEMENT")).toLowerCase(Locale.ROOT).strip();
				long count = ((Number) row.get("EXECUTION_COUNT")).longValue();
				if (sql.contains("query_statistics") || sql.contains("/* probe */")) {
					continue;
				}
				all += count;
				if (sql.contains("from system_setting") || sql.contains("from shift_slot")
						|| sql.contains("from shift_exception")
						|| sql.equals("select group_id, user_id from agent_group_member")) {
					cached += count;
				}
			}
			return new Statements(all, cached);
		}
		finally {
			// switching the statistics off also discards them
			this.jdbc.sql("SET QUERY_STATISTICS FALSE").update();
		}
	}

	private Long assigneeFromDatabase(long conversationId) {
		return this.jdbc.sql("SELECT /* probe */ assignee_id FROM conversation WHERE id = ?")
			.param(conversationId)
			.query((rs, row) -> rs.getObject(1, Long.class))
			.list()
			.get(0);
	}

}
