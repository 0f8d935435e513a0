package dev.parley.analytics.internal.tickets;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.administration.Settings;
import dev.parley.analytics.internal.ReportRange;
import dev.parley.analytics.internal.ReportScope;
import dev.parley.conversations.GroupDirectory;
import dev.parley.platform.StaffActor;
import dev.parley.tickets.TicketFigures.SlaOutcome;
import dev.parley.tickets.TicketPriority;

import org.springframework.stereotype.Service;

/**
 * The tickets and SLA report (docs/metrics.md, "Tickets"): tickets created and solved in
 * the period, the backlog at its start and end and at the end of each day, first response
 * and resolution times, and how many SLA targets were achieved or breached, each against
 * the period before, within what the staff member may see ({@link TicketScope}).
 */
@Service
public class TicketReport {

	private final TicketFactRepository facts;

	private final GroupDirectory groups;

	private final Settings settings;

	private final Clock clock;

	TicketReport(TicketFactRepository facts, GroupDirectory groups, Settings settings, Clock clock) {
		this.facts = facts;
		this.groups = groups;
		this.settings = settings;
		this.clock = clock;
	}

	/** The filters of the report and of its rows, as the request gave them. */
	public record Query(String from, String to, String hours, String timeZone, Long groupId) {
	}

	public record Range(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, String timeZone,
			String hours) {
	}

	/** A count now and in the period before. */
	public record Count(long value, long previous) {
	}

	/** Open tickets when the period began and when it ended. */
	public record Backlog(long start, long end) {
	}

	/**
	 * A duration's samples (milliseconds): how many, median, 90th percentile, average,
	 * and the median of the period before.
	 */
	public record Duration(long n, Long median, Long p90, Long average, Long previousMedian) {
	}

	/**
	 * One SLA target for the tickets created in the period, as it stands now.
	 *
	 * @param achieved met / (met + breached), null without either
	 */
	public record Sla(long met, long breached, long running, long paused, Double achieved, Double previousAchieved) {
	}

	public record Day(LocalDate day, long created, long solved, long backlog) {
	}

	public record ByPriority(TicketPriority priority, long created, long solved, Double firstResponseAchieved,
			Double resolutionAchieved) {
	}

	public record Report(Range range, Count created, Count solved, Backlog backlog, Duration firstResponse,
			Duration resolution, Sla firstResponseSla, Sla resolutionSla, List<Day> series,
			List<ByPriority> priorities) {
	}

	public Report report(StaffActor actor, Query query) {
		ReportRange range = range(query);
		TicketScope scope = scope(actor, query);
		long now = this.clock.millis();
		Period current = period(range, scope, now);
		Period before = period(range.previous(), scope, now);
		Window w = Window.of(range);
		long backlogStart = this.facts.count("created_at < :start AND (finished_at IS NULL OR finished_at >= :start)",
				Map.of("start", w.start()), scope);
		List<Day> series = new ArrayList<>();
		long open = backlogStart;
		for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
			long created = current.createdByDay.getOrDefault(day, 0L);
			long solved = current.solvedByDay.getOrDefault(day, 0L);
			open += created - solved;
			series.add(new Day(day, created, solved, open));
		}
		List<ByPriority> priorities = new ArrayList<>();
		for (TicketPriority priority : List.of(TicketPriority.URGENT, TicketPriority.HIGH, TicketPriority.NORMAL,
				TicketPriority.LOW)) {
			Period.Slice slice = current.byPriority.get(priority);
			if (slice != null) {
				priorities.add(new ByPriority(priority, slice.created, slice.solved, slice.first.achieved(),
						slice.resolution.achieved()));
			}
		}
		boolean business = range.business();
		return new Report(range(range), new Count(current.all.created, before.all.created),
				new Count(current.all.solved, before.all.solved), new Backlog(backlogStart, open),
				current.firstResponse.summary(business, before.firstResponse),
				current.resolution.summary(business, before.resolution), current.all.first.sla(before.all.first),
				current.all.resolution.sla(before.all.resolution), series, priorities);
	}

	ReportRange range(Query query) {
		return ReportRange.parse(query.from(), query.to(), query.hours(), query.timeZone(),
				ZoneId.of(this.settings.get("organisation.timeZone")));
	}

	TicketScope scope(StaffActor actor, Query query) {
		return TicketScope.of(ReportScope.of(actor, this.groups), query.groupId());
	}

	private Period period(ReportRange range, TicketScope scope, long now) {
		Window w = Window.of(range);
		Period period = new Period();
		ZoneId zone = range.zone();
		Map<String, Object> params = Map.of("start", w.start(), "end", w.end());
		this.facts.each("created_at >= :start AND created_at < :end", params, scope,
				(fact) -> period.created(fact, Window.day(fact.createdAt(), zone), now));
		this.facts.each("finished_at >= :start AND finished_at < :end", params, scope,
				(fact) -> period.solved(fact, Window.day(fact.finishedAt(), zone)));
		return period;
	}

	static Range range(ReportRange range) {
		ReportRange before = range.previous();
		return new Range(range.from(), range.to(), before.from(), before.to(), range.zone().getId(),
				range.business() ? "business" : "calendar");
	}

	/** What one period's rows add up to. */
	private static final class Period {

		final Slice all = new Slice();

		final Map<TicketPriority, Slice> byPriority = new EnumMap<>(TicketPriority.class);

		final Map<LocalDate, Long> createdByDay = new LinkedHashMap<>();

		final Map<LocalDate, Long> solvedByDay = new LinkedHashMap<>();

		final Durations firstResponse = new Durations();

		final Durations resolution = new Durations();

		void created(TicketFact fact, LocalDate day, long now) {
			Slice slice = this.byPriority.computeIfAbsent(fact.priority(), (p) -> new Slice());
			for (Slice s : List.of(this.all, slice)) {
				s.created++;
				s.first.add(fact.firstResponseAt(now));
				s.resolution.add(fact.resolutionAt(now));
			}
			this.createdByDay.merge(day, 1L, Long::sum);
			this.firstResponse.add(fact.firstResponseMs(), fact.firstResponseBhMs());
		}

		void solved(TicketFact fact, LocalDate day) {
			this.all.solved++;
			this.byPriority.computeIfAbsent(fact.priority(), (p) -> new Slice()).solved++;
			this.solvedByDay.merge(day, 1L, Long::sum);
			this.resolution.add(fact.resolutionMs(), fact.resolutionBhMs());
		}

		static final class Slice {

			long created;

			long solved;

			final Outcomes first = new Outcomes();

			final Outcomes resolution = new Outcomes();

		}

	}

	/** How many targets stand where. */
	private static final class Outcomes {

		final Map<SlaOutcome, Long> counts = new EnumMap<>(SlaOutcome.class);

		void add(SlaOutcome outcome) {
			this.counts.merge(outcome, 1L, Long::sum);
		}

		long get(SlaOutcome outcome) {
			return this.counts.getOrDefault(outcome, 0L);
		}

		Double achieved() {
			long met = get(SlaOutcome.MET);
			long decided = met + get(SlaOutcome.BREACHED);
			return (decided > 0) ? Math.round(10000.0 * met / decided) / 10000.0 : null;
		}

		Sla sla(Outcomes before) {
			return new Sla(get(SlaOutcome.MET), get(SlaOutcome.BREACHED), get(SlaOutcome.RUNNING),
					get(SlaOutcome.PAUSED), achieved(), before.achieved());
		}

	}

}
