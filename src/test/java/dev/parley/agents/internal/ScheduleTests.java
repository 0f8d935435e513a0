package dev.parley.agents.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Working time from weekly slots and exceptions, across midnight and clock changes. */
class ScheduleTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static Schedule.Slot slot(DayOfWeek day, String start, int minutes) {
		return new Schedule.Slot(day, LocalTime.parse(start), minutes);
	}

	private static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
	}

	private static Duration length(Schedule.Interval interval) {
		return Duration.between(interval.start(), interval.end());
	}

	@Test
	void aNightShiftRunsPastMidnightIntoTheNextDay() {
		// 2026-11-30 is a Monday
		Schedule schedule = new Schedule(List.of(slot(DayOfWeek.MONDAY, "22:00", 240)), List.of(), BERLIN);
		assertThat(schedule.covers(at("2026-11-30T21:59"))).isFalse();
		assertThat(schedule.covers(at("2026-11-30T22:00"))).isTrue();
		assertThat(schedule.covers(at("2026-12-01T00:00"))).isTrue();
		assertThat(schedule.covers(at("2026-12-01T01:59"))).isTrue();
		assertThat(schedule.covers(at("2026-12-01T02:00"))).isFalse();
	}

	@Test
	void aSundayNightShiftRunsIntoMonday() {
		Schedule schedule = new Schedule(List.of(slot(DayOfWeek.SUNDAY, "23:00", 120)), List.of(), BERLIN);
		assertThat(schedule.covers(at("2026-11-30T00:30"))).isTrue();
		assertThat(schedule.covers(at("2026-11-30T01:00"))).isFalse();
		assertThat(Schedule.overlap(slot(DayOfWeek.SUNDAY, "23:00", 120), slot(DayOfWeek.MONDAY, "00:30", 60)))
			.isTrue();
		assertThat(Schedule.overlap(slot(DayOfWeek.SUNDAY, "23:00", 60), slot(DayOfWeek.MONDAY, "00:00", 60)))
			.isFalse();
	}

	@Test
	void dayShiftsKeepTheirWallClockTimesWhenTheClocksGoForward() {
		// 2026-03-29: clocks go from 02:00 to 03:00 in Berlin
		Schedule schedule = new Schedule(
				List.of(slot(DayOfWeek.SUNDAY, "09:00", 480), slot(DayOfWeek.SATURDAY, "22:00", 480)), List.of(),
				BERLIN);
		List<Schedule.Interval> sunday = schedule.intervals(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 30));
		assertThat(sunday).hasSize(1);
		assertThat(sunday.get(0).start()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
		assertThat(length(sunday.get(0))).isEqualTo(Duration.ofHours(8));
		// the night shift ends at 06:00 wall-clock time, one real hour early
		List<Schedule.Interval> night = schedule.intervals(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29));
		assertThat(night).hasSize(1);
		assertThat(length(night.get(0))).isEqualTo(Duration.ofHours(7));
		assertThat(schedule.covers(Instant.parse("2026-03-29T03:59:00Z"))).isTrue(); // 05:59
		assertThat(schedule.covers(Instant.parse("2026-03-29T04:00:00Z"))).isFalse(); // 06:00
	}

	@Test
	void aShiftInTheSkippedHourStartsWhenTheClocksResume() {
		Schedule schedule = new Schedule(List.of(slot(DayOfWeek.SUNDAY, "02:00", 120)), List.of(), BERLIN);
		List<Schedule.Interval> intervals = schedule.intervals(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 30));
		assertThat(intervals).hasSize(1);
		assertThat(intervals.get(0).start()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z")); // 03:00
		assertThat(intervals.get(0).end()).isEqualTo(Instant.parse("2026-03-29T02:00:00Z")); // 04:00
	}

	@Test
	void aNightShiftLastsAnHourLongerWhenTheClocksGoBack() {
		// 2026-10-25: clocks go from 03:00 back to 02:00 in Berlin
		Schedule schedule = new Schedule(List.of(slot(DayOfWeek.SATURDAY, "22:00", 480)), List.of(), BERLIN);
		List<Schedule.Interval> night = schedule.intervals(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 25));
		assertThat(night).hasSize(1);
		assertThat(length(night.get(0))).isEqualTo(Duration.ofHours(9));
		// both 02:30s of that night are working time
		assertThat(schedule.covers(Instant.parse("2026-10-25T00:30:00Z"))).isTrue();
		assertThat(schedule.covers(Instant.parse("2026-10-25T01:30:00Z"))).isTrue();
		assertThat(schedule.covers(Instant.parse("2026-10-25T05:00:00Z"))).isFalse(); // 06:00
	}

	@Test
	void exceptionsTakeDaysOffAddExtraShiftsAndCutHours() {
		List<Schedule.Slot> week = List.of(slot(DayOfWeek.MONDAY, "09:00", 480), slot(DayOfWeek.TUESDAY, "09:00", 480),
				slot(DayOfWeek.WEDNESDAY, "09:00", 480));
		List<Schedule.Exception> exceptions = List.of(
				new Schedule.Exception(LocalDate.of(2026, 11, 30), true, null, null),
				new Schedule.Exception(LocalDate.of(2026, 12, 1), true, LocalTime.of(12, 0), 60),
				new Schedule.Exception(LocalDate.of(2026, 12, 5), false, LocalTime.of(10, 0), 120));
		Schedule schedule = new Schedule(week, exceptions, BERLIN);
		assertThat(schedule.covers(at("2026-11-30T10:00"))).as("day off").isFalse();
		assertThat(schedule.covers(at("2026-12-01T11:59"))).isTrue();
		assertThat(schedule.covers(at("2026-12-01T12:30"))).as("hour off").isFalse();
		assertThat(schedule.covers(at("2026-12-01T13:00"))).isTrue();
		assertThat(schedule.covers(at("2026-12-02T10:00"))).as("untouched").isTrue();
		assertThat(schedule.covers(at("2026-12-05T11:00"))).as("extra on a Saturday").isTrue();
		assertThat(schedule.covers(at("2026-12-05T12:00"))).isFalse();
	}

	@Test
	void everyDayAllDayIsAlwaysWorkingTime() {
		Schedule schedule = new Schedule(Schedule.always(), List.of(), BERLIN);
		for (int hour = 0; hour < 24 * 8; hour += 5) {
			assertThat(schedule.covers(at("2026-10-20T00:00").plus(Duration.ofHours(hour)))).isTrue();
		}
		assertThat(schedule.intervals(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 7))).hasSize(1);
	}

	@Test
	void parsesSlotsAndRefusesNonsense() {
		assertThat(ShiftPlanning.slot(new ShiftPlanning.SlotForm(1, "22:00", "06:00")).minutes()).isEqualTo(480);
		assertThat(ShiftPlanning.slot(new ShiftPlanning.SlotForm(7, "00:00", "24:00")).minutes()).isEqualTo(1440);
		for (ShiftPlanning.SlotForm bad : List.of(new ShiftPlanning.SlotForm(0, "09:00", "10:00"),
				new ShiftPlanning.SlotForm(8, "09:00", "10:00"), new ShiftPlanning.SlotForm(1, "9:00", "10:00"),
				new ShiftPlanning.SlotForm(1, "25:00", "10:00"), new ShiftPlanning.SlotForm(1, "24:00", "10:00"),
				new ShiftPlanning.SlotForm(1, "09:00", "09:00"), new ShiftPlanning.SlotForm(1, "09:00", "24:30"),
				new ShiftPlanning.SlotForm(null, "09:00", "10:00"), new ShiftPlanning.SlotForm(1, null, "10:00"))) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShiftPlanning.slot(bad))
				.as(bad.toString())
				.isInstanceOf(dev.parley.platform.ApiException.class);
		}
	}

}
