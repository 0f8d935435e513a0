package dev.parley.analytics.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import dev.parley.platform.ApiException;

/**
 * The days a report covers, both ends included, in the organisation's time zone, and the
 * period before of the same length it is compared with.
 *
 * @param business whether durations are counted in business hours (else calendar time)
 */
public record ReportRange(LocalDate from, LocalDate to, ZoneId zone, boolean business) {

	/** A year and a day: a leap year's report. */
	public static final int MAX_DAYS = 366;

	/**
	 * @param timeZone a zone the client asks for, or null; reports are cut in the
	 * organisation's time zone only
	 * @throws ApiException for missing or malformed dates, a reversed or too long range,
	 * an unknown {@code hours}, an invalid or other time zone
	 */
	public static ReportRange parse(String from, String to, String hours, String timeZone, ZoneId organisation) {
		LocalDate start = date("from", from);
		LocalDate end = date("to", to);
		if (end.isBefore(start)) {
			throw ApiException.invalid("to", "must not be before from");
		}
		if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
			throw ApiException.invalid("to", "must be at most " + MAX_DAYS + " days after from");
		}
		boolean business;
		if (hours == null || hours.isBlank() || "calendar".equals(hours)) {
			business = false;
		}
		else if ("business".equals(hours)) {
			business = true;
		}
		else {
			throw ApiException.invalid("hours", "must be calendar or business");
		}
		if (timeZone != null && !timeZone.isBlank()) {
			ZoneId asked;
			try {
				asked = ZoneId.of(timeZone);
			}
			catch (DateTimeException ex) {
				throw ApiException.invalid("timeZone", "must be a time zone such as Asia/Shanghai");
			}
			if (!asked.normalized().equals(organisation.normalized()) && !asked.equals(organisation)) {
				throw ApiException
					.badRequest("time_zone_not_supported",
							"Reports are cut into days in the organisation's time zone, " + organisation.getId())
					.with("timeZone", organisation.getId());
			}
		}
		return new ReportRange(start, end, organisation, business);
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			throw ApiException.invalid(field, "must be a date such as 2026-12-31");
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			if (date.getYear() < 2000 || date.getYear() > 2999) {
				throw ApiException.invalid(field, "must be a date such as 2026-12-31");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalid(field, "must be a date such as 2026-12-31");
		}
	}

	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	/** The same number of days just before. */
	public ReportRange previous() {
		return new ReportRange(this.from.minusDays(days()), this.from.minusDays(1), this.zone, this.business);
	}

	public static int period(LocalDate day) {
		return day.getYear() * 10000 + day.getMonthValue() * 100 + day.getDayOfMonth();
	}

	public static LocalDate day(int period) {
		return LocalDate.of(period / 10000, (period / 100) % 100, period % 100);
	}

}
