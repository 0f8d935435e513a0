package dev.parley.agents.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.agents.BusinessCalendars;

/**
 * Working time of one set of business hours, read in blocks of {@value #BLOCK_DAYS} days
 * (on a fixed grid of dates, each block read once per calculator) as far as a question
 * needs, and no further than {@value #LOOKAHEAD_DAYS} days ahead.
 *
 * <p>
 * The hours of a block are those of the slots starting on its dates, so a slot that runs
 * past midnight into the next block belongs to the earlier one; a walk starts one day
 * before the date of its first instant to find a night slot still running then.
 * Overlapping intervals of two blocks (two members' shifts) count once: the walk never
 * goes back before what it has passed.
 */
final class WorkingCalendar implements BusinessCalendars.WorkingTime {

	static final int BLOCK_DAYS = 28;

	static final int LOOKAHEAD_DAYS = 400;

	/**
	 * The working time of the slots starting on the dates {@code [from, toExclusive)}.
	 */
	@FunctionalInterface
	interface Hours {

		List<Schedule.Interval> intervals(LocalDate from, LocalDate toExclusive);

	}

	private final Hours hours;

	private final ZoneId zone;

	private final Map<Long, List<Schedule.Interval>> blocks = new HashMap<>();

	WorkingCalendar(Hours hours, ZoneId zone) {
		this.hours = hours;
		this.zone = zone;
	}

	/** Weekly slots and exceptions in a zone, as a calendar (for tests and tools). */
	static WorkingCalendar of(Schedule schedule, ZoneId zone) {
		return new WorkingCalendar(schedule::intervals, zone);
	}

	@Override
	public Duration workingBetween(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		long total = 0;
		Instant cursor = from;
		for (long block = blockOf(from); startOf(block).isBefore(to); block++) {
			for (Schedule.Interval interval : block(block)) {
				Instant start = later(interval.start(), cursor);
				Instant end = interval.end().isBefore(to) ? interval.end() : to;
				if (end.isAfter(start)) {
					total += Duration.between(start, end).toMillis();
					cursor = end;
				}
			}
		}
		return Duration.ofMillis(total);
	}

	@Override
	public Instant addWorking(Instant from, Duration amount) {
		if (amount.isNegative() || amount.isZero()) {
			return from;
		}
		long remaining = amount.toMillis();
		Instant cursor = from;
		long first = blockOf(from);
		long last = blockOf(from.plus(Duration.ofDays(LOOKAHEAD_DAYS)));
		for (long block = first; block <= last; block++) {
			for (Schedule.Interval interval : block(block)) {
				Instant start = later(interval.start(), cursor);
				if (!interval.end().isAfter(start)) {
					continue;
				}
				long available = Duration.between(start, interval.end()).toMillis();
				if (available >= remaining) {
					return start.plusMillis(remaining);
				}
				remaining -= available;
				cursor = interval.end();
			}
		}
		throw new IllegalStateException("Less than " + amount + " of working time within " + LOOKAHEAD_DAYS
				+ " days after " + from + ": the business hours have (almost) no working time");
	}

	/** The block holding the day before the date of {@code at}. */
	private long blockOf(Instant at) {
		return Math.floorDiv(LocalDate.ofInstant(at, this.zone).minusDays(1).toEpochDay(), BLOCK_DAYS);
	}

	private Instant startOf(long block) {
		return LocalDate.ofEpochDay(block * BLOCK_DAYS).atStartOfDay(this.zone).toInstant();
	}

	private List<Schedule.Interval> block(long block) {
		return this.blocks.computeIfAbsent(block, (b) -> {
			LocalDate from = LocalDate.ofEpochDay(b * BLOCK_DAYS);
			return this.hours.intervals(from, from.plusDays(BLOCK_DAYS));
		});
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
