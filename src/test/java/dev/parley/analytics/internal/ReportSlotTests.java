package dev.parley.analytics.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import dev.parley.analytics.internal.ReportSchedule.Frequency;
import dev.parley.analytics.internal.ReportSchedule.Period;
import dev.parley.platform.Spreadsheets.Format;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a scheduled report is due and which days it covers, worked out by hand: daily and
 * weekly at a local hour, across a clock change; yesterday, the last seven days, last
 * week Monday to Sunday, the month to date (on the first, the month before).
 */
class ReportSlotTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static ReportSchedule schedule(Frequency frequency, DayOfWeek weekday, int hour, Period period) {
		Instant now = Instant.parse("2026-12-01T00:00:00Z");
		return new ReportSchedule(1, 1, "s", "overview", null, null, "calendar", frequency, weekday, hour, period,
				Format.CSV, true, List.of(2L), now, now, now);
	}

	private static Instant at(String local, ZoneId zone) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(local), zone).toInstant();
	}

	@Test
	void aDailyReportIsDueAtItsHourTheWeeklyOneOnItsDay() {
		ReportSchedule daily = schedule(Frequency.DAILY, null, 8, Period.YESTERDAY);
		assertThat(daily.nextSlot(at("2026-12-07T07:59:59", SHANGHAI), SHANGHAI))
			.isEqualTo(at("2026-12-07T08:00:00", SHANGHAI));
		assertThat(daily.nextSlot(at("2026-12-07T08:00:00", SHANGHAI), SHANGHAI)).as("strictly after")
			.isEqualTo(at("2026-12-08T08:00:00", SHANGHAI));
		ReportSchedule weekly = schedule(Frequency.WEEKLY, DayOfWeek.MONDAY, 9, Period.LAST_WEEK);
		// 2026-12-08 is a Tuesday
		assertThat(weekly.nextSlot(at("2026-12-08T10:00:00", SHANGHAI), SHANGHAI))
			.isEqualTo(at("2026-12-14T09:00:00", SHANGHAI));
		assertThat(weekly.nextSlot(at("2026-12-14T08:00:00", SHANGHAI), SHANGHAI))
			.isEqualTo(at("2026-12-14T09:00:00", SHANGHAI));
	}

	@Test
	void anHourTheClockChangeSkipsIsSentAnHourLater() {
		// Berlin springs forward on 2026-03-29 from 02:00 to 03:00
		ReportSchedule daily = schedule(Frequency.DAILY, null, 2, Period.YESTERDAY);
		assertThat(daily.nextSlot(at("2026-03-28T12:00:00", BERLIN), BERLIN))
			.isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
	}

	@Test
	void thePeriodsCountBackFromTheDayItIsSent() {
		LocalDate monday = LocalDate.parse("2026-12-14");
		assertThat(Period.YESTERDAY.days(monday)).containsExactly(LocalDate.parse("2026-12-13"),
				LocalDate.parse("2026-12-13"));
		assertThat(Period.LAST_7_DAYS.days(monday)).containsExactly(LocalDate.parse("2026-12-07"),
				LocalDate.parse("2026-12-13"));
		assertThat(Period.LAST_WEEK.days(monday)).containsExactly(LocalDate.parse("2026-12-07"),
				LocalDate.parse("2026-12-13"));
		assertThat(Period.LAST_WEEK.days(LocalDate.parse("2026-12-16"))).as("a Wednesday")
			.containsExactly(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-13"));
		assertThat(Period.MONTH_TO_DATE.days(monday)).containsExactly(LocalDate.parse("2026-12-01"),
				LocalDate.parse("2026-12-13"));
		assertThat(Period.MONTH_TO_DATE.days(LocalDate.parse("2027-01-01"))).as("on the first, the month before")
			.containsExactly(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"));
		ReportSchedule weekly = schedule(Frequency.WEEKLY, DayOfWeek.MONDAY, 9, Period.LAST_WEEK);
		Reports.Query query = weekly.query(at("2026-12-14T09:00:00", SHANGHAI), SHANGHAI);
		assertThat(query.from()).isEqualTo("2026-12-07");
		assertThat(query.to()).isEqualTo("2026-12-13");
	}

	@Test
	void theApiNamesItsValuesInCamelCase() {
		assertThat(ReportSchedule.key(Period.LAST_7_DAYS)).isEqualTo("last7Days");
		assertThat(ReportSchedule.of(Period.class, "monthToDate")).contains(Period.MONTH_TO_DATE);
		assertThat(ReportSchedule.of(Frequency.class, "hourly")).isEmpty();
	}

}
