package dev.parley.analytics.internal.occupancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.parley.administration.Settings;
import dev.parley.agents.ShiftTimes;
import dev.parley.agents.Teams;
import dev.parley.analytics.internal.ReportRange;
import dev.parley.analytics.internal.ReportScope;
import dev.parley.conversations.GroupDirectory;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Agent occupancy (docs/metrics.md, "Occupancy"): per agent, the time he was online and
 * away, on shift, and with conversations (the union of his assignments), the share of his
 * signed-in time spent with conversations, and how many he had at once on average and at
 * most; up to now for a period that has not ended.
 */
@Service
public class OccupancyReport {

	private final JdbcClient jdbc;

	private final GroupDirectory groups;

	private final Teams teams;

	private final StaffDirectory staff;

	private final ShiftTimes shifts;

	private final Settings settings;

	private final Clock clock;

	OccupancyReport(JdbcClient jdbc, GroupDirectory groups, Teams teams, StaffDirectory staff, ShiftTimes shifts,
			Settings settings, Clock clock) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.teams = teams;
		this.staff = staff;
		this.shifts = shifts;
		this.settings = settings;
		this.clock = clock;
	}

	public record Query(String from, String to, String timeZone, Long groupId) {
	}

	public record Range(LocalDate from, LocalDate to, String timeZone) {
	}

	/**
	 * One agent's time in milliseconds.
	 *
	 * @param onShift planned working time, null when nothing is planned for him
	 * @param busy time with at least one conversation assigned
	 * @param busyAvailable the part of {@code busy} while he was online or away
	 * @param occupancy busyAvailable / (online + away), null when never signed in
	 * @param concurrency assigned time / busy time: conversations at once on average
	 * @param peak the most conversations he had at once
	 * @param previousOccupancy his occupancy in the period of the same length just
	 * before, null when he was never signed in then
	 */
	public record Row(long agentId, String name, long online, long away, Long onShift, long busy, long busyAvailable,
			long assigned, Double occupancy, Double concurrency, int peak, Double previousOccupancy) {

		Row previously(Double occupancy) {
			return new Row(this.agentId, this.name, this.online, this.away, this.onShift, this.busy, this.busyAvailable,
					this.assigned, this.occupancy, this.concurrency, this.peak, occupancy);
		}

	}

	public record Report(Range range, List<Row> rows) {
	}

	public Report report(StaffActor actor, Query query) {
		ZoneId zone = ZoneId.of(this.settings.get("organisation.timeZone"));
		ReportRange range = ReportRange.parse(query.from(), query.to(), null, query.timeZone(), zone);
		Set<Long> agents = agents(ReportScope.of(actor, this.groups), query.groupId());
		long start = range.from().atStartOfDay(zone).toInstant().toEpochMilli();
		long end = Math.min(range.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli(), this.clock.millis());
		Map<Long, Stretches> online = new HashMap<>();
		Map<Long, Stretches> away = new HashMap<>();
		Map<Long, Stretches> assigned = new HashMap<>();
		if (end > start && (agents == null || !agents.isEmpty())) {
			read(agents, start, end, online, away, assigned);
		}
		Set<Long> shown = new TreeSet<>();
		if (agents != null) {
			shown.addAll(agents);
		}
		else {
			shown.addAll(online.keySet());
			shown.addAll(away.keySet());
			shown.addAll(assigned.keySet());
		}
		Map<Long, String> names = shown.isEmpty() ? Map.of() : this.staff.displayNames(shown);
		Map<Long, Duration> planned = (end > start)
				? this.shifts.planned(shown, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end)) : Map.of();
		List<Row> rows = new ArrayList<>();
		for (long agent : shown) {
			if (!names.containsKey(agent)) {
				continue;
			}
			rows.add(row(agent, names.get(agent), online.getOrDefault(agent, new Stretches()),
					away.getOrDefault(agent, new Stretches()), assigned.getOrDefault(agent, new Stretches()),
					planned.get(agent)));
		}
		rows.sort(Comparator.comparing(Row::name).thenComparing(Row::agentId));
		Map<Long, Double> before = occupancy(agents, range.previous(), zone);
		rows.replaceAll((row) -> row.previously(before.get(row.agentId())));
		return new Report(new Range(range.from(), range.to(), zone.getId()), rows);
	}

	/** Each agent's occupancy in a range (the period before), by agent. */
	private Map<Long, Double> occupancy(Set<Long> agents, ReportRange range, ZoneId zone) {
		long start = range.from().atStartOfDay(zone).toInstant().toEpochMilli();
		long end = Math.min(range.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli(), this.clock.millis());
		Map<Long, Stretches> online = new HashMap<>();
		Map<Long, Stretches> away = new HashMap<>();
		Map<Long, Stretches> assigned = new HashMap<>();
		if (end <= start || (agents != null && agents.isEmpty())) {
			return Map.of();
		}
		read(agents, start, end, online, away, assigned);
		Set<Long> seen = new TreeSet<>(online.keySet());
		seen.addAll(away.keySet());
		Map<Long, Double> occupancy = new HashMap<>();
		for (long agent : seen) {
			Double share = row(agent, null, online.getOrDefault(agent, new Stretches()),
					away.getOrDefault(agent, new Stretches()), assigned.getOrDefault(agent, new Stretches()), null)
				.occupancy();
			if (share != null) {
				occupancy.put(agent, share);
			}
		}
		return occupancy;
	}

	private static Row row(long agent, String name, Stretches online, Stretches away, Stretches assigned,
			Duration planned) {
		Stretches both = new Stretches();
		both.addAll(online);
		both.addAll(away);
		List<long[]> signedIn = both.union();
		List<long[]> busy = assigned.union();
		long busyMs = Stretches.length(busy);
		long busyAvailable = Stretches.overlap(busy, signedIn);
		long signedInMs = Stretches.length(signedIn);
		long assignedMs = assigned.total();
		return new Row(agent, name, Stretches.length(online.union()), Stretches.length(away.union()),
				(planned != null) ? planned.toMillis() : null, busyMs, busyAvailable, assignedMs,
				(signedInMs > 0) ? round((double) busyAvailable / signedInMs) : null,
				(busyMs > 0) ? round((double) assignedMs / busyMs) : null, assigned.peak(), null);
	}

	/**
	 * The agents the report shows, or null for whoever was there (statistics.view_all).
	 */
	private Set<Long> agents(ReportScope scope, Long groupId) {
		if (groupId != null) {
			if (scope.ownOnly() || !scope.seesGroup(groupId)) {
				throw ApiException.forbidden(Permission.STATISTICS_VIEW_ALL.code());
			}
			return members(Set.of(groupId));
		}
		if (scope.ownOnly()) {
			return Set.of(scope.agentId());
		}
		return scope.all() ? null : members(scope.groups());
	}

	private Set<Long> members(Set<Long> groupIds) {
		Set<Long> members = new TreeSet<>();
		for (long groupId : groupIds) {
			this.teams.members(groupId).forEach((m) -> members.add(m.userId()));
		}
		return members;
	}

	private void read(Set<Long> agents, long start, long end, Map<Long, Stretches> online, Map<Long, Stretches> away,
			Map<Long, Stretches> assigned) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("start", start);
		params.put("end", end);
		String only = "";
		if (agents != null) {
			params.put("agents", agents);
			only = " AND agent_id IN (:agents)";
		}
		this.jdbc
			.sql("SELECT agent_id, status, started_at, ended_at FROM analytics_agent_status WHERE started_at < :end "
					+ "AND (ended_at IS NULL OR ended_at > :start)" + only)
			.params(params)
			.query((rs) -> {
				long endedAt = rs.getLong(4);
				Map<Long, Stretches> target = "ONLINE".equals(rs.getString(2)) ? online : away;
				target.computeIfAbsent(rs.getLong(1), (a) -> new Stretches())
					.add(rs.getLong(3), rs.wasNull() ? end : endedAt, start, end);
			});
		this.jdbc
			.sql("SELECT agent_id, started_at, ended_at FROM analytics_agent_span WHERE started_at < :end "
					+ "AND ended_at > :start" + only)
			.params(params)
			.query((rs) -> {
				assigned.computeIfAbsent(rs.getLong(1), (a) -> new Stretches())
					.add(rs.getLong(2), rs.getLong(3), start, end);
			});
		this.jdbc
			.sql("SELECT agent_id, assigned_since FROM analytics_participation WHERE assigned_since IS NOT NULL "
					+ "AND assigned_since < :end" + only)
			.params(params)
			.query((rs) -> {
				assigned.computeIfAbsent(rs.getLong(1), (a) -> new Stretches()).add(rs.getLong(2), end, start, end);
			});
	}

	private static double round(double value) {
		return Math.round(value * 10000) / 10000.0;
	}

}
