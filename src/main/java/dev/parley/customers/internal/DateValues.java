package dev.parley.customers.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.platform.ApiException;

/**
 * The dates of a filter: an instant ({@code 2026-12-01T08:00:00Z}), a day
 * ({@code 2026-12-01}) or a day relative to now ({@code today}, {@code yesterday},
 * {@code this-week} from Monday, {@code this-month}, {@code -7d}), days in the
 * organisation's time zone. A day as an upper bound includes that whole day.
 */
record DateValues(ZoneId zone, Instant now) {

	private static final Pattern DAYS_AGO = Pattern.compile("-(\\d{1,4})d");

	/**
	 * @return the first instant of the range
	 */
	Instant from(String field, String value) {
		LocalDate day = relativeOrDay(value);
		return bounded(field, (day != null) ? day.atStartOfDay(this.zone).toInstant() : instant(field, value));
	}

	/**
	 * @return the first instant after the range
	 */
	Instant to(String field, String value) {
		LocalDate day = relativeOrDay(value);
		return bounded(field,
				(day != null) ? day.plusDays(1).atStartOfDay(this.zone).toInstant() : instant(field, value));
	}

	/** The first instant a time filter may name (times are stored as epoch millis). */
	static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	/** The first instant after the last one a time filter may name. */
	static final Instant LATEST = Instant.ofEpochSecond(253_402_300_800L);

	/**
	 * @throws ApiException {@code validation_failed} naming the field for an instant
	 * outside the years 1970 to 9999 (beyond them an instant has no epoch millis)
	 */
	static Instant bounded(String field, Instant instant) {
		if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
			throw ApiException.invalid(field, "must be in the years 1970 to 9999");
		}
		return instant;
	}

	/**
	 * @return the day as days since 1970-01-01 (date attributes)
	 */
	long day(String field, String value) {
		LocalDate day = relativeOrDay(value);
		if (day == null) {
			throw ApiException.invalid(field, "not a date (yyyy-mm-dd)");
		}
		return day.toEpochDay();
	}

	private LocalDate relativeOrDay(String value) {
		LocalDate today = LocalDate.ofInstant(this.now, this.zone);
		Matcher ago = DAYS_AGO.matcher(value);
		if (ago.matches()) {
			return today.minusDays(Long.parseLong(ago.group(1)));
		}
		return switch (value) {
			case "today" -> today;
			case "yesterday" -> today.minusDays(1);
			case "this-week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case "this-month" -> today.withDayOfMonth(1);
			default -> (value.length() == 10) ? parseDay(value) : null;
		};
	}

	private static LocalDate parseDay(String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static Instant instant(String field, String value) {
		try {
			return Instant.parse(value);
		}
		catch (DateTimeException ex) {
			throw ApiException.invalid(field, "not a date or time");
		}
	}

}
