package dev.parley.analytics.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.administration.Settings;
import dev.parley.conversations.ChannelDirectory;
import dev.parley.conversations.GroupDirectory;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The reports: an overview of the team's conversations, and the same figures by group, by
 * channel and by agent, each compared with the period before, within what the staff
 * member may see ({@link ReportScope}).
 */
@Service
public class Reports {

	/** Up to this many days a report's series shows days; beyond, months. */
	static final int DAILY_SERIES_DAYS = 92;

	private static final Set<Counter> OVERVIEW_COUNTERS = EnumSet.range(Counter.CONVERSATIONS, Counter.COMMENTED);

	private final TotalsReader totals;

	private final Settings settings;

	private final GroupDirectory groups;

	private final ChannelDirectory channels;

	private final StaffDirectory staff;

	private final JdbcClient jdbc;

	private final EvaluationFigures evaluations;

	Reports(TotalsReader totals, Settings settings, GroupDirectory groups, ChannelDirectory channels,
			StaffDirectory staff, JdbcClient jdbc, EvaluationFigures evaluations) {
		this.totals = totals;
		this.settings = settings;
		this.groups = groups;
		this.channels = channels;
		this.staff = staff;
		this.jdbc = jdbc;
		this.evaluations = evaluations;
	}

	/** The filters a report takes, as the request gave them. */
	public record Query(String from, String to, String hours, String timeZone, Long channelId, Long groupId,
			Long agentId) {
	}

	public record Range(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, String timeZone,
			String hours) {

		static Range of(ReportRange range) {
			ReportRange before = range.previous();
			return new Range(range.from(), range.to(), before.from(), before.to(), range.zone().getId(),
					range.business() ? "business" : "calendar");
		}

	}

	public record Overview(Range range, Map<String, Figures.Count> counts, Map<String, Figures.Rate> rates,
			Map<String, Figures.Compared> durations, long[] ratings, Series series, long[][] heatmap) {
	}

	/**
	 * Figures by day or month: conversations, abandoned, and medians of each duration.
	 */
	public record Series(String unit, List<Point> points) {
	}

	public record Point(String period, long conversations, long abandoned, long rated, Map<String, Long> medians) {
	}

	public record Breakdown(Range range, String by, List<Row> rows) {
	}

	public record Row(Long id, String name, Map<String, Figures.Count> counts, Map<String, Figures.Rate> rates,
			Map<String, Figures.Compared> durations, EvaluationFigures.Figure evaluation) {
	}

	public Overview overview(StaffActor actor, Query query) {
		ReportScope scope = ReportScope.of(actor, this.groups);
		scope.requireTeam();
		ReportRange range = range(query);
		TotalsReader.Filter filter = filter(scope, query.channelId(), query.groupId());
		boolean byDay = range.days() <= DAILY_SERIES_DAYS;
		Map<Integer, Tally> byPeriod = this.totals.read(Rollup.CONVERSATIONS, range, filter, byDay,
				(key) -> (key.grain() == Rollup.DAY && !byDay) ? key.period() / 100 : key.period());
		Tally now = new Tally();
		byPeriod.values().forEach((t) -> now.add(t, 1));
		Tally before = sum(this.totals.read(Rollup.CONVERSATIONS, range.previous(), filter, false, (key) -> 0));
		return new Overview(Range.of(range), Figures.counts(now, before, OVERVIEW_COUNTERS),
				Figures.conversationRates(now, before),
				Figures.durations(now, before, Rollup.CONVERSATIONS.metrics, range.business()), Figures.ratings(now),
				series(byPeriod, byDay, range.business()), heatmap(range, filter));
	}

	/** The figures by group, channel or agent. */
	public Breakdown breakdown(StaffActor actor, String by, Query query) {
		ReportScope scope = ReportScope.of(actor, this.groups);
		ReportRange range = range(query);
		return switch ((by != null) ? by : "") {
			case "groups" -> {
				scope.requireTeam();
				yield conversationsBy(range, filter(scope, query.channelId(), query.groupId()), "groups",
						(key) -> key.groupId());
			}
			case "topics" -> {
				scope.requireTeam();
				yield conversationsBy(range, filter(scope, query.channelId(), query.groupId()), "topics",
						(key) -> key.groupId());
			}
			case "channels" -> {
				scope.requireTeam();
				yield conversationsBy(range, filter(scope, query.channelId(), query.groupId()), "channels",
						(key) -> key.dimension());
			}
			case "agents" -> agents(range, scope, query);
			default -> throw unknownDimension();
		};
	}

	/** What a report may be by. */
	static final List<String> DIMENSIONS = List.of("groups", "topics", "channels", "agents");

	static ApiException unknownDimension() {
		return ApiException.badRequest("unknown_dimension", "Reports are by groups, topics, channels or agents")
			.with("dimensions", DIMENSIONS);
	}

	/**
	 * A row of no conversations: the figures, in order, that every row of a report by
	 * {@code by} has (the columns of its export).
	 */
	static Row blank(String by) {
		Tally none = new Tally();
		boolean agents = "agents".equals(by);
		return new Row(null, null, Figures.counts(none, none, agents ? Rollup.AGENTS.counters : OVERVIEW_COUNTERS),
				agents ? Figures.agentRates(none, none) : Figures.conversationRates(none, none),
				Figures.durations(none, none, agents ? Rollup.AGENTS.metrics : Rollup.CONVERSATIONS.metrics, false),
				agents ? EvaluationFigures.Figure.NONE : null);
	}

	private Breakdown conversationsBy(ReportRange range, TotalsReader.Filter filter, String by,
			java.util.function.Function<Tally.Key, Long> dimension) {
		Rollup rollup = by.equals("topics") ? Rollup.TOPICS : Rollup.CONVERSATIONS;
		Map<Long, Tally> now = this.totals.read(rollup, range, filter, false, dimension);
		Map<Long, Tally> before = this.totals.read(rollup, range.previous(), filter, false, dimension);
		Map<Long, String> names = by.equals("channels") ? this.channels.names(now.keySet()) : groupNames(now.keySet());
		List<Row> rows = new ArrayList<>();
		now.forEach((id, tally) -> rows
			.add(new Row((id != 0) ? id : null, names.get(id), Figures.counts(tally, before.get(id), OVERVIEW_COUNTERS),
					Figures.conversationRates(tally, before.get(id)),
					Figures.durations(tally, before.get(id), Rollup.CONVERSATIONS.metrics, range.business()), null)));
		rows.sort(Comparator.comparing((Row r) -> -r.counts().get("conversations").value()));
		return new Breakdown(Range.of(range), by, rows);
	}

	private Breakdown agents(ReportRange range, ReportScope scope, Query query) {
		Long agent = scope.ownOnly() ? scope.agentId() : query.agentId();
		if (scope.ownOnly() && query.agentId() != null && !query.agentId().equals(scope.agentId())) {
			throw ApiException.forbidden(dev.parley.platform.Permission.STATISTICS_VIEW.code());
		}
		TotalsReader.Filter filter = scope.ownOnly() ? new TotalsReader.Filter(agent, query.groupId(), null)
				: new TotalsReader.Filter(agent, query.groupId(), scope.all() ? null : scope.groups());
		if (!scope.all() && !scope.ownOnly() && query.groupId() != null && !scope.groups().contains(query.groupId())) {
			throw ApiException.forbidden(dev.parley.platform.Permission.STATISTICS_VIEW_ALL.code());
		}
		Map<Long, Tally> now = this.totals.read(Rollup.AGENTS, range, filter, false, Tally.Key::dimension);
		Map<Long, Tally> before = this.totals.read(Rollup.AGENTS, range.previous(), filter, false,
				Tally.Key::dimension);
		Map<Long, String> names = this.staff.displayNames(now.keySet());
		Map<Long, EvaluationFigures.Figure> evaluated = this.evaluations.byAgent(range, filter, now.keySet());
		List<Row> rows = new ArrayList<>();
		now.forEach((id, tally) -> rows.add(new Row(id, names.get(id),
				Figures.counts(tally, before.get(id), Rollup.AGENTS.counters),
				Figures.agentRates(tally, before.get(id)),
				Figures.durations(tally, before.get(id), Rollup.AGENTS.metrics, range.business()), evaluated.get(id))));
		rows.sort(Comparator.comparing((Row r) -> (r.name() != null) ? r.name() : "").thenComparing(Row::id));
		return new Breakdown(Range.of(range), "agents", rows);
	}

	private ReportRange range(Query query) {
		return ReportRange.parse(query.from(), query.to(), query.hours(), query.timeZone(), zone());
	}

	ZoneId zone() {
		return ZoneId.of(this.settings.get("organisation.timeZone"));
	}

	/** The rows a scope may see, narrowed by the filters asked for. */
	private static TotalsReader.Filter filter(ReportScope scope, Long channelId, Long groupId) {
		if (groupId != null && !scope.seesGroup(groupId)) {
			throw ApiException.forbidden(dev.parley.platform.Permission.STATISTICS_VIEW_ALL.code());
		}
		return new TotalsReader.Filter(channelId, groupId, scope.all() ? null : scope.groups());
	}

	private Map<Long, String> groupNames(Set<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		for (Long id : ids) {
			if (id != 0) {
				this.groups.name(id).ifPresent((name) -> names.put(id, name));
			}
		}
		return names;
	}

	private static Series series(Map<Integer, Tally> byPeriod, boolean byDay, boolean business) {
		List<Point> points = new ArrayList<>();
		byPeriod.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((e) -> {
			int p = e.getKey();
			String label = byDay ? ReportRange.day(p).toString() : String.format("%04d-%02d", p / 100, p % 100);
			Tally t = e.getValue();
			Map<String, Long> medians = new LinkedHashMap<>();
			for (Metric metric : List.of(Metric.WAIT, Metric.FIRST_RESPONSE, Metric.REPLY, Metric.RESOLUTION)) {
				medians.put(metric.key(), Figures.Duration.of(t.samples(metric), business).median());
			}
			points.add(new Point(label, t.get(Counter.CONVERSATIONS), t.get(Counter.ABANDONED), t.get(Counter.RATED),
					medians));
		});
		return new Series(byDay ? "day" : "month", points);
	}

	/** Conversations started by weekday (Monday first) and hour of the day. */
	private long[][] heatmap(ReportRange range, TotalsReader.Filter filter) {
		long[][] heat = new long[7][24];
		StringBuilder sql = new StringBuilder("SELECT period");
		for (int h = 0; h < 24; h++) {
			sql.append(", SUM(hour_").append(h).append(")");
		}
		sql.append(" FROM analytics_total WHERE grain = 'D' AND period BETWEEN :from AND :to");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("from", ReportRange.period(range.from()));
		params.put("to", ReportRange.period(range.to()));
		if (!filter.appendTo(sql, Rollup.CONVERSATIONS.dimension, params)) {
			return heat;
		}
		sql.append(" GROUP BY period");
		this.jdbc.sql(sql.toString()).params(params).query((rs) -> {
			DayOfWeek weekday = ReportRange.day(rs.getInt(1)).getDayOfWeek();
			for (int h = 0; h < 24; h++) {
				heat[weekday.getValue() - 1][h] += rs.getLong(h + 2);
			}
		});
		return heat;
	}

	private static Tally sum(Map<?, Tally> tallies) {
		Tally sum = new Tally();
		tallies.values().forEach((t) -> sum.add(t, 1));
		return sum;
	}

}
