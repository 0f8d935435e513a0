package dev.parley.agents.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the shift plan: a group's or an agent's week, and dated exceptions (days
 * off, extra shifts, holidays). Each is checked (administrators plan everyone's; a
 * supervisor plans their groups and its members), validated as a whole before anything is
 * stored, audited, and empties the plan cache on every node
 * ({@link ShiftPlans#changed()}).
 */
@Service
public class ShiftPlanning {

	private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");

	private final ShiftRepository shifts;

	private final ShiftPlans plans;

	private final GroupRepository groups;

	private final Shifts reading;

	private final StaffDirectory staff;

	private final AuditLog auditLog;

	private final Clock clock;

	ShiftPlanning(ShiftRepository shifts, ShiftPlans plans, GroupRepository groups, Shifts reading,
			StaffDirectory staff, AuditLog auditLog, Clock clock) {
		this.shifts = shifts;
		this.plans = plans;
		this.groups = groups;
		this.reading = reading;
		this.staff = staff;
		this.auditLog = auditLog;
		this.clock = clock;
	}

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
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.reading.zone());
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
					boolean sameOwner = Objects.equals(other.groupId(), form.groupId())
							&& Objects.equals(other.userId(), form.userId());
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
		this.auditLog.record(actor.username(), "shift.exception", owner, AuditResult.SUCCESS,
				form.kind() + " on " + date);
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
