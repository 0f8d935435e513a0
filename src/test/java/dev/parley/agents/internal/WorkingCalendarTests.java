package dev.parley.agents.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The working-time arithmetic of SLA clocks over business hours, holidays, weekends,
 * night shifts and clock changes.
 */
class WorkingCalendarTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void aTargetStartedLateInTheDayEndsNextWorkingMorning() {
		WorkingCalendar calendar = WorkingCalendar.of(weekdays("09:00", 8 * 60, List.of()), SHANGHAI);
		// Monday 2026-12-07 16:30, two hours: 30 minutes today, 90 tomorrow
		Instant due = calendar.addWorking(at("2026-12-07T16:30", SHANGHAI), Duration.ofHours(2));
		assertThat(due).isEqualTo(at("2026-12-08T10:30", SHANGHAI));
		assertThat(calendar.workingBetween(at("2026-12-07T16:30", SHANGHAI), due)).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void startedOutsideHoursCountsFromTheOpening() {
		WorkingCalendar calendar = WorkingCalendar.of(weekdays("09:00", 8 * 60, List.of()), SHANGHAI);
		assertThat(calendar.addWorking(at("2026-12-08T06:00", SHANGHAI), Duration.ofMinutes(30)))
			.isEqualTo(at("2026-12-08T09:30", SHANGHAI));
		assertThat(calendar.workingBetween(at("2026-12-08T06:00", SHANGHAI), at("2026-12-08T20:00", SHANGHAI)))
			.isEqualTo(Duration.ofHours(8));
		assertThat(calendar.workingBetween(at("2026-12-08T20:00", SHANGHAI), at("2026-12-08T06:00", SHANGHAI)))
			.isZero();
	}

	@Test
	void aWeekendIsSkipped() {
		WorkingCalendar calendar = WorkingCalendar.of(weekdays("09:00", 8 * 60, List.of()), SHANGHAI);
		// Friday 2026-12-11 16:30 + 2h: Monday 10:30
		assertThat(calendar.addWorking(at("2026-12-11T16:30", SHANGHAI), Duration.ofHours(2)))
			.isEqualTo(at("2026-12-14T10:30", SHANGHAI));
		assertThat(calendar.workingBetween(at("2026-12-11T12:00", SHANGHAI), at("2026-12-14T12:00", SHANGHAI)))
			.isEqualTo(Duration.ofHours(8));
	}

	@Test
	void aHolidayIsSkipped() {
		// Monday 2026-12-14 is a holiday: Friday 16:30 + 2h is Tuesday 10:30
		Schedule schedule = weekdays("09:00", 8 * 60,
				List.of(new Schedule.Exception(LocalDate.parse("2026-12-14"), true, null, null)));
		WorkingCalendar calendar = WorkingCalendar.of(schedule, SHANGHAI);
		assertThat(calendar.addWorking(at("2026-12-11T16:30", SHANGHAI), Duration.ofHours(2)))
			.isEqualTo(at("2026-12-15T10:30", SHANGHAI));
		// a few hours off in the afternoon
		Schedule afternoonOff = weekdays("09:00", 8 * 60,
				List.of(new Schedule.Exception(LocalDate.parse("2026-12-08"), true, LocalTime.parse("13:00"), 4 * 60)));
		assertThat(WorkingCalendar.of(afternoonOff, SHANGHAI)
			.addWorking(at("2026-12-08T12:00", SHANGHAI), Duration.ofHours(2)))
			.isEqualTo(at("2026-12-09T10:00", SHANGHAI));
	}

	@Test
	void springForwardShortensTheDayAroundTheClockButNotBusinessHours() {
		// Europe/Berlin skips 02:00-03:00 on Sunday 2026-03-29
		WorkingCalendar always = WorkingCalendar.of(new Schedule(Schedule.always(), List.of(), BERLIN), BERLIN);
		assertThat(always.addWorking(at("2026-03-28T12:00", BERLIN), Duration.ofHours(24)))
			.isEqualTo(at("2026-03-29T13:00", BERLIN));
		// every day 09:00-17:00: Saturday noon to Monday noon is 5 + 8 + 3 hours
		WorkingCalendar daily = WorkingCalendar.of(daily("09:00", 8 * 60), BERLIN);
		assertThat(daily.workingBetween(at("2026-03-28T12:00", BERLIN), at("2026-03-30T12:00", BERLIN)))
			.isEqualTo(Duration.ofHours(16));
		assertThat(daily.addWorking(at("2026-03-28T16:00", BERLIN), Duration.ofHours(2)))
			.isEqualTo(at("2026-03-29T10:00", BERLIN));
		// a night shift 22:00-06:00 across the change lasts seven hours
		WorkingCalendar nights = WorkingCalendar.of(daily("22:00", 8 * 60), BERLIN);
		assertThat(nights.workingBetween(at("2026-03-28T21:00", BERLIN), at("2026-03-29T07:00", BERLIN)))
			.isEqualTo(Duration.ofHours(7));
	}

	@Test
	void newYorkSpringForwardInTheMiddleOfATarget() {
		// America/New_York skips 02:00-03:00 on Sunday 2026-03-08; 24x7, 3 hours from
		// 01:00 end at 05:00 local
		WorkingCalendar always = WorkingCalendar.of(new Schedule(Schedule.always(), List.of(), NEW_YORK), NEW_YORK);
		assertThat(always.addWorking(at("2026-03-08T01:00", NEW_YORK), Duration.ofHours(3)))
			.isEqualTo(at("2026-03-08T05:00", NEW_YORK));
	}

	@Test
	void aNightShiftStartedTheDayBeforeCounts() {
		// Monday 22:00 to Tuesday 06:00; at Tuesday 02:00 one hour ends at 03:00
		Schedule nights = new Schedule(List.of(new Schedule.Slot(DayOfWeek.MONDAY, LocalTime.parse("22:00"), 8 * 60)),
				List.of(), SHANGHAI);
		WorkingCalendar calendar = WorkingCalendar.of(nights, SHANGHAI);
		assertThat(calendar.addWorking(at("2026-12-08T02:00", SHANGHAI), Duration.ofHours(1)))
			.isEqualTo(at("2026-12-08T03:00", SHANGHAI));
		// four hours left on Tuesday morning: the rest next Monday night
		assertThat(calendar.addWorking(at("2026-12-08T02:00", SHANGHAI), Duration.ofHours(5)))
			.isEqualTo(at("2026-12-14T23:00", SHANGHAI));
	}

	@Test
	void longTargetsCrossManyBlocksAndAgreeWithWorkingBetween() {
		WorkingCalendar calendar = WorkingCalendar.of(weekdays("09:00", 8 * 60, List.of()), SHANGHAI);
		Instant from = at("2026-12-07T10:00", SHANGHAI);
		// 100 working days of 8 hours: 20 weeks later, same time
		Instant due = calendar.addWorking(from, Duration.ofHours(800));
		assertThat(due).isEqualTo(at("2027-04-26T10:00", SHANGHAI));
		assertThat(calendar.workingBetween(from, due)).isEqualTo(Duration.ofHours(800));
	}

	@Test
	void overlappingHoursOfTwoBlocksCountOnce() {
		// the slots of two blocks overlap (two members' shifts across a block's end)
		WorkingCalendar calendar = new WorkingCalendar((from, to) -> {
			Instant start = from.atStartOfDay(SHANGHAI).toInstant();
			return List.of(new Schedule.Interval(start.minus(Duration.ofHours(2)), start.plus(Duration.ofHours(2))));
		}, SHANGHAI);
		Instant blockStart = LocalDate.ofEpochDay(28L * (LocalDate.parse("2026-12-20").toEpochDay() / 28))
			.atStartOfDay(SHANGHAI)
			.toInstant();
		assertThat(calendar.workingBetween(blockStart.minus(Duration.ofHours(3)), blockStart.plus(Duration.ofHours(3))))
			.isEqualTo(Duration.ofHours(4));
	}

	@Test
	void aCalendarWithoutHoursFailsClearlyInsteadOfLoopingForever() {
		WorkingCalendar never = WorkingCalendar.of(new Schedule(List.of(), List.of(), SHANGHAI), SHANGHAI);
		assertThatThrownBy(() -> never.addWorking(at("2026-12-07T10:00", SHANGHAI), Duration.ofMinutes(1)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("400 days");
		assertThat(never.workingBetween(at("2026-12-07T10:00", SHANGHAI), at("2027-12-07T10:00", SHANGHAI))).isZero();
		assertThat(never.addWorking(at("2026-12-07T10:00", SHANGHAI), Duration.ZERO))
			.isEqualTo(at("2026-12-07T10:00", SHANGHAI));
	}

	private static Schedule weekdays(String start, int minutes, List<Schedule.Exception> exceptions) {
		List<Schedule.Slot> slots = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			slots.add(new Schedule.Slot(day, LocalTime.parse(start), minutes));
		}
		return new Schedule(slots, exceptions, SHANGHAI);
	}

	private static Schedule daily(String start, int minutes) {
		List<Schedule.Slot> slots = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			slots.add(new Schedule.Slot(day, LocalTime.parse(start), minutes));
		}
		return new Schedule(slots, List.of(), BERLIN);
	}

	private static Instant at(String local, ZoneId zone) {
		return LocalDateTime.parse(local).atZone(zone).toInstant();
	}

}
