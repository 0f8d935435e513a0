package dev.parley.agents.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;
import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.administration.Settings;
import dev.parley.conversations.GroupDirectory.Hours;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
 */
@Service
public class Shifts {

	private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");

	/** How far ahead the next opening is looked for. */
	private static final int LOOKAHEAD_DAYS = 8;

	private final ShiftRepository shifts;

	private final ShiftPlans plans;

	private final GroupRepository groups;

	private final Settings settings;

	private final StaffDirectory staff;

	private final AuditLog auditLog;

	private final Clock clock;

	Shifts(ShiftRepository shifts, ShiftPlans plans, GroupRepository groups, Settings settings, StaffDirectory staff,
			AuditLog auditLog, Clock clock) {
		this.shifts = shifts;
		this.plans = plans;
		this.groups = groups;
		this.settings = settings;
		this.staff = staff;
		this.auditLog = auditLog;
		this.clock = clock;
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

	// ---- planning

	/** A weekly slot as the API takes it: ISO day 1-7 and local times "HH:mm". */
	public record SlotForm(Integer day, String start, String end) {
	}

	/** A dated exception as the API takes it. */
	public record ExceptionForm(Long groupId, Long userId, String date, String kind, String start, String end,
			String note) {
	}

	@Transactional
	public void replaceGroupWeek(long groupId, String kind, List<SlotForm> slots, StaffActor actor) {
		AgentGroup group = requireGroup(groupId, actor);
		List<Schedule.Slot> parsed = week(slots);
		this.shifts.replaceSlots(groupId, null, kind, parsed);
		this.plans.changed();
		this.auditLog.record(actor.username(), ShiftRepository.HOURS.equals(kind) ? "group.hours" : "shift.weekly",
				group.name(), AuditResult.SUCCESS, parsed.size() + " slots");
	}

	@Transactional
	public void replaceAgentWeek(long userId, List<SlotForm> slots, StaffActor actor) {
		String name = requireAgent(userId, actor);
		List<Schedule.Slot> parsed = week(slots);
		this.shifts.replaceSlots(null, userId, ShiftRepository.SHIFT, parsed);
		this.plans.changed();
		this.auditLog.record(actor.username(), "shift.weekly", name, AuditResult.SUCCESS, parsed.size() + " slots");
	}

	@Transactional
	public long addException(ExceptionForm form, StaffActor actor) {
		if ((form.groupId() == null) == (form.userId() == null)) {
			throw Agents.invalid("groupId", "give either a group or an agent");
		}
		String owner = (form.groupId() != null) ? requireGroup(form.groupId(), actor).name()
				: requireAgent(form.userId(), actor);
		LocalDate date;
		try {
			date = LocalDate.parse((form.date() != null) ? form.date() : "");
		}
		catch (DateTimeParseException ex) {
			throw Agents.invalid("date", "must be a date such as 2026-12-24");
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone());
		if (date.isBefore(today.minusYears(1)) || date.isAfter(today.plusYears(2))) {
			throw Agents.invalid("date", "must be within a year back and two years ahead");
		}
		boolean off;
		if ("off".equals(form.kind())) {
			off = true;
		}
		else if ("extra".equals(form.kind())) {
			off = false;
		}
		else {
			throw Agents.invalid("kind", "must be off or extra");
		}
		String note = (form.note() != null && !form.note().isBlank()) ? form.note().strip() : null;
		if (note != null && note.length() > 200) {
			throw Agents.invalid("note", "must be at most 200 characters");
		}
		Schedule.Exception exception;
		if (form.start() == null && form.end() == null && off) {
			exception = new Schedule.Exception(date, true, null, null);
		}
		else {
			Schedule.Slot slot = slot(new SlotForm(date.getDayOfWeek().getValue(), form.start(), form.end()));
			exception = new Schedule.Exception(date, off, slot.start(), slot.minutes());
			if (!off) {
				for (ShiftRepository.StoredException other : this.shifts.exceptions(date, date)) {
					boolean sameOwner = java.util.Objects.equals(other.groupId(), form.groupId())
							&& java.util.Objects.equals(other.userId(), form.userId());
					if (sameOwner && !other.exception().off()
							&& Schedule.overlap(slot, new Schedule.Slot(date.getDayOfWeek(), other.exception().start(),
									other.exception().minutes()))) {
						throw ApiException.conflict("overlapping_shifts", "This extra shift overlaps another");
					}
				}
			}
		}
		long id = this.shifts.insertException(form.groupId(), form.userId(), exception, note, this.clock.instant());
		this.plans.changed();
		this.auditLog.record(actor.username(), "shift.exception", owner, AuditResult.SUCCESS, form.kind() + " " + date);
		return id;
	}

	@Transactional
	public void deleteException(long id, StaffActor actor) {
		ShiftRepository.StoredException exception = this.shifts.exception(id)
			.orElseThrow(() -> ApiException.notFound("Exception"));
		String owner = (exception.groupId() != null) ? requireGroup(exception.groupId(), actor).name()
				: requireAgent(exception.userId(), actor);
		this.shifts.deleteException(id);
		this.plans.changed();
		this.auditLog.record(actor.username(), "shift.exception.deleted", owner, AuditResult.SUCCESS,
				exception.exception().date().toString());
	}

	private AgentGroup requireGroup(long groupId, StaffActor actor) {
		AgentGroup group = this.groups.findById(groupId).orElseThrow(() -> ApiException.notFound("Group"));
		Groups.requireManages(group, actor);
		return group;
	}

	/**
	 * An agent's shifts are planned by an administrator or a supervisor of their group.
	 */
	private String requireAgent(long userId, StaffActor actor) {
		String name = this.staff.member(userId)
			.map(StaffDirectory.StaffMember::displayName)
			.orElseThrow(
					() -> ApiException.badRequest("unknown_user", "No user with id " + userId).with("userId", userId));
		if (Groups.managesAll(actor)) {
			return name;
		}
		for (Long groupId : this.groups.groupsOf(userId)) {
			boolean supervises = this.groups.findById(groupId)
				.map((g) -> g.members().stream().anyMatch((m) -> m.userId() == actor.id() && m.supervisor()))
				.orElse(false);
			if (supervises) {
				return name;
			}
		}
		throw StaffActor.forbidden(Permission.TEAM_ASSIGN);
	}

	private static List<Schedule.Slot> week(List<SlotForm> forms) {
		if (forms == null) {
			throw Agents.invalid("slots", "is required (an empty list clears the week)");
		}
		if (forms.size() > 100) {
			throw Agents.invalid("slots", "at most 100 per week");
		}
		List<Schedule.Slot> slots = new ArrayList<>();
		for (SlotForm form : forms) {
			Schedule.Slot slot = slot(form);
			for (Schedule.Slot other : slots) {
				if (Schedule.overlap(slot, other)) {
					throw ApiException.conflict("overlapping_shifts",
							"Shifts overlap: " + describe(other) + " and " + describe(slot));
				}
			}
			slots.add(slot);
		}
		return slots;
	}

	private static String describe(Schedule.Slot slot) {
		return slot.day() + " " + slot.start() + " for " + slot.minutes() + " min";
	}

	static Schedule.Slot slot(SlotForm form) {
		if (form == null || form.day() == null || form.day() < 1 || form.day() > 7) {
			throw Agents.invalid("day", "must be 1 (Monday) to 7 (Sunday)");
		}
		int start = minute("start", form.start());
		int end = minute("end", form.end());
		if (start == Schedule.DAY) {
			throw Agents.invalid("start", "must be before 24:00");
		}
		if (start == end) {
			throw Agents.invalid("end", "must differ from start");
		}
		// an end before the start runs past midnight
		int minutes = (end > start) ? end - start : end + Schedule.DAY - start;
		if (minutes > Schedule.DAY) {
			throw Agents.invalid("end", "a shift lasts at most 24 hours");
		}
		return new Schedule.Slot(DayOfWeek.of(form.day()), LocalTime.of(start / 60, start % 60), minutes);
	}

	private static int minute(String field, String value) {
		Matcher matcher = TIME.matcher((value != null) ? value : "");
		if (!matcher.matches()) {
			throw Agents.invalid(field, "must be a time such as 09:30");
		}
		int minute = Integer.parseInt(matcher.group(1)) * 60 + Integer.parseInt(matcher.group(2));
		if (minute > Schedule.DAY) {
			throw Agents.invalid(field, "must be at most 24:00");
		}
		return minute;
	}

}
