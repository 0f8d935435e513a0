package dev.parley.agents.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.administration.Settings;
import dev.parley.conversations.GroupDirectory.Hours;

import org.springframework.stereotype.Service;

/**
 * Shifts and business hours. An agent works their own weekly slots if they have any,
 * otherwise the weekly slots of their groups; the exceptions of the agent and of their
 * groups apply on top. Someone with no slots anywhere is not planned and counts as always
 * on shift (apart from days off), so an installation that plans no shifts routes as
 * before.
 *
 * <p>
 * A group's business hours are its explicit hours slots if it has any (with the group's
 * exceptions: a holiday closes it), otherwise the working time of its members; a group
 * with nobody in it is always open.
 *
 * <p>
 * This is the reading side (who is on shift, whether a group is open, the week as the
 * calendar shows it); changes to the plan go through {@link ShiftPlanning}.
 */
@Service
public class Shifts {

	/** How far ahead the next opening is looked for. */
	private static final int LOOKAHEAD_DAYS = 8;

	private final ShiftRepository shifts;

	private final ShiftPlans plans;

	private final Settings settings;

	Shifts(ShiftRepository shifts, ShiftPlans plans, Settings settings) {
		this.shifts = shifts;
		this.plans = plans;
		this.settings = settings;
	}

	public ZoneId zone() {
		return ZoneId.of(this.settings.get("organisation.timeZone"));
	}

	/**
	 * @return those of the agents who are on shift at {@code at}
	 */
	public Set<Long> onShift(Collection<Long> userIds, Instant at) {
		Plan plan = plan(LocalDate.ofInstant(at, zone()), 1);
		Set<Long> on = new HashSet<>();
		for (Long userId : userIds) {
			if (plan.agent(userId).covers(at)) {
				on.add(userId);
			}
		}
		return on;
	}

	/** Whether each group is open at {@code at}, and when it opens next if not. */
	public Map<Long, Hours> hours(Collection<Long> groupIds, Instant at) {
		LocalDate today = LocalDate.ofInstant(at, zone());
		Plan plan = plan(today, LOOKAHEAD_DAYS);
		Map<Long, Hours> hours = new HashMap<>();
		for (Long groupId : groupIds) {
			hours.put(groupId, hours(plan.groupHours(groupId, today.minusDays(1), today.plusDays(LOOKAHEAD_DAYS)), at));
		}
		return hours;
	}

	private static Hours hours(List<Schedule.Interval> intervals, Instant at) {
		Instant next = null;
		for (Schedule.Interval interval : intervals) {
			if (interval.contains(at)) {
				return new Hours(true, null);
			}
			if (next == null && interval.start().isAfter(at)) {
				next = interval.start();
			}
		}
		return new Hours(false, next);
	}

	/**
	 * Everything planned around some dates, in the organisation's time zone.
	 */
	Plan plan(LocalDate from, int days) {
		return this.plans.plan(from, days, zone());
	}

	// ---- the calendar

	/**
	 * A slot as shown: ISO day, local start and end ("24:00" or earlier than start: next
	 * day).
	 */
	public record SlotView(int day, String start, String end) {

		static SlotView of(Schedule.Slot slot) {
			LocalTime end = slot.start().plusMinutes(slot.minutes());
			boolean midnight = end.equals(LocalTime.MIDNIGHT) && slot.minutes() > 0;
			return new SlotView(slot.day().getValue(), slot.start().toString(), midnight ? "24:00" : end.toString());
		}

	}

	/** Working time on one date, in local times, with the instants. */
	public record Span(String start, String end, boolean nextDay, Instant startsAt, Instant endsAt) {
	}

	public record GroupWeek(long id, boolean explicitHours, List<SlotView> weekly, List<SlotView> hours,
			List<List<Span>> open) {
	}

	public record AgentWeek(long userId, String source, List<Long> groupIds, List<SlotView> weekly,
			List<List<Span>> days) {
	}

	public record ExceptionView(long id, Long groupId, Long userId, String date, String kind, String start, String end,
			String note) {
	}

	public record Week(String zone, LocalDate weekStart, List<LocalDate> days, List<GroupWeek> groups,
			List<AgentWeek> agents, List<ExceptionView> exceptions) {
	}

	/**
	 * The week (Monday to Sunday) around {@code day}, for the given agents and groups.
	 */
	public Week week(LocalDate day, Collection<Long> userIds, Collection<Long> groupIds) {
		ZoneId zone = zone();
		LocalDate monday = day.with(DayOfWeek.MONDAY);
		Plan plan = plan(monday, 7);
		List<LocalDate> days = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			days.add(monday.plusDays(i));
		}
		List<GroupWeek> groupWeeks = new ArrayList<>();
		for (Long groupId : groupIds) {
			List<List<Span>> open = new ArrayList<>();
			for (LocalDate date : days) {
				open.add(spans(plan.groupHours(groupId, date, date.plusDays(1)), date, zone));
			}
			groupWeeks.add(new GroupWeek(groupId, plan.explicitHours(groupId),
					plan.groupSlots(groupId).stream().map(SlotView::of).toList(),
					plan.groupHourSlots(groupId).stream().map(SlotView::of).toList(), open));
		}
		List<AgentWeek> agentWeeks = new ArrayList<>();
		for (Long userId : userIds) {
			Schedule schedule = plan.agent(userId);
			List<List<Span>> spans = new ArrayList<>();
			for (LocalDate date : days) {
				spans.add(spans(schedule.intervals(date, date.plusDays(1)), date, zone));
			}
			agentWeeks.add(new AgentWeek(userId, plan.source(userId).name().toLowerCase(java.util.Locale.ROOT),
					plan.groupsOf(userId).stream().sorted().toList(),
					plan.agentSlots(userId).stream().map(SlotView::of).toList(), spans));
		}
		List<ExceptionView> exceptions = new ArrayList<>();
		for (ShiftRepository.StoredException stored : this.shifts.exceptions(monday, monday.plusDays(6))) {
			Schedule.Exception e = stored.exception();
			SlotView times = (e.start() != null)
					? SlotView.of(new Schedule.Slot(e.date().getDayOfWeek(), e.start(), e.minutes())) : null;
			exceptions.add(new ExceptionView(stored.id(), stored.groupId(), stored.userId(), e.date().toString(),
					e.off() ? "off" : "extra", (times != null) ? times.start() : null,
					(times != null) ? times.end() : null, stored.note()));
		}
		return new Week(zone.getId(), monday, days, groupWeeks, agentWeeks, exceptions);
	}

	private static List<Span> spans(List<Schedule.Interval> intervals, LocalDate date, ZoneId zone) {
		List<Span> spans = new ArrayList<>();
		for (Schedule.Interval interval : intervals) {
			java.time.LocalDateTime start = java.time.LocalDateTime.ofInstant(interval.start(), zone);
			java.time.LocalDateTime end = java.time.LocalDateTime.ofInstant(interval.end(), zone);
			boolean nextDay = end.toLocalDate().isAfter(date);
			String endText = (nextDay && end.toLocalTime().equals(LocalTime.MIDNIGHT)
					&& end.toLocalDate().equals(date.plusDays(1))) ? "24:00" : end.toLocalTime().toString();
			spans.add(new Span(start.toLocalTime().toString(), endText, nextDay && !"24:00".equals(endText),
					interval.start(), interval.end()));
		}
		return spans;
	}

}
