package dev.parley.analytics.internal.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.parley.analytics.internal.ReportRange;

/**
 * A report's days as instants: from the start of its first day to the start of the day
 * after its last.
 */
record Window(long start, long end) {

	static Window of(ReportRange range) {
		return new Window(range.from().atStartOfDay(range.zone()).toInstant().toEpochMilli(),
				range.to().plusDays(1).atStartOfDay(range.zone()).toInstant().toEpochMilli());
	}

	static LocalDate day(long at, ZoneId zone) {
		return LocalDate.ofInstant(Instant.ofEpochMilli(at), zone);
	}

}
