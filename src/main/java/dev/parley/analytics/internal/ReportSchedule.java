package dev.parley.analytics.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.parley.platform.Spreadsheets.Format;

/**
 * A report e-mailed to chosen staff: which report with which filters, when (every day, or
 * one weekday, at an hour of the organisation's time zone), the days it covers, and the
 * file's format.
 *
 * @param report {@code overview}, {@code groups}, {@code channels} or {@code agents}
 * @param hours {@code calendar} or {@code business}
 * @param weekday the day of a weekly schedule, null for a daily one
 * @param hour the hour it is sent at, 0 to 23
 * @param lastSlot the planned time last taken (sent, or passed over while it was off)
 */
public record ReportSchedule(long id, long ownerId, String name, String report, Long channelId, Long groupId,
		String hours, Frequency frequency, DayOfWeek weekday, int hour, Period period, Format format, boolean enabled,
		List<Long> recipients, Instant lastSlot, Instant createdAt, Instant updatedAt) {

	public ReportSchedule {
		recipients = List.copyOf(recipients);
	}

	/** What the API calls a value of these enums: {@code lastWeek}. */
	static String key(Enum<?> value) {
		return ApiNames.camel(value.name());
	}

	static <E extends Enum<E>> Optional<E> of(Class<E> type, String key) {
		return Arrays.stream(type.getEnumConstants()).filter((e) -> key(e).equals(key)).findFirst();
	}

	public enum Frequency {

		DAILY, WEEKLY

	}

	/** The days a report covers, counted back from the day it is sent. */
	public enum Period {

		/** The day before. */
		YESTERDAY,

		/** The seven days before. */
		LAST_7_DAYS,

		/** The last whole week, Monday to Sunday. */
		LAST_WEEK,

		/**
		 * The month up to the day before; sent on the first of a month, the whole month
		 * before.
		 */
		MONTH_TO_DATE;

		/**
		 * @return the first and the last day, both included
		 */
		LocalDate[] days(LocalDate sentOn) {
			LocalDate yesterday = sentOn.minusDays(1);
			return switch (this) {
				case YESTERDAY -> new LocalDate[] { yesterday, yesterday };
				case LAST_7_DAYS -> new LocalDate[] { sentOn.minusDays(7), yesterday };
				case LAST_WEEK -> {
					LocalDate monday = sentOn.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
					yield new LocalDate[] { monday, monday.plusDays(6) };
				}
				case MONTH_TO_DATE -> new LocalDate[] { yesterday.withDayOfMonth(1), yesterday };
			};
		}

	}

	/**
	 * The first planned time after {@code after}: the hour of the next day (daily) or of
	 * the next such weekday (weekly), in the zone; an hour a clock change skips is sent
	 * at the hour after.
	 */
	Instant nextSlot(Instant after, ZoneId zone) {
		LocalDate day = after.atZone(zone).toLocalDate();
		for (int i = 0; i <= 8; i++, day = day.plusDays(1)) {
			if (this.frequency == Frequency.WEEKLY && day.getDayOfWeek() != this.weekday) {
				continue;
			}
			Instant slot = ZonedDateTime.of(day, LocalTime.of(this.hour, 0), zone).toInstant();
			if (slot.isAfter(after)) {
				return slot;
			}
		}
		throw new IllegalStateException("No slot within a week after " + after);
	}

	/** The query of the report sent at a planned time. */
	Reports.Query query(Instant slot, ZoneId zone) {
		LocalDate[] days = this.period.days(slot.atZone(zone).toLocalDate());
		return new Reports.Query(days[0].toString(), days[1].toString(), this.hours, null, this.channelId, this.groupId,
				null);
	}

}
