package dev.parley.agents.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Working time as wall-clock rules turned into instants: weekly slots ("Monday 09:00 for
 * 8 hours") plus dated exceptions (a day off, a few hours off, an extra shift), in one
 * time zone.
 *
 * <p>
 * Slots are wall-clock times: a 09:00-17:00 shift starts at nine on the day clocks
 * change, whatever the offset; a night shift across the change lasts an hour more or
 * less. A slot starting in the hour the clocks skip starts when the clocks resume; in the
 * hour that repeats, at its first occurrence. A slot may run past midnight into the next
 * day.
 *
 * <p>
 * On one date: the weekly slots starting that day, unless the date is a whole day off;
 * plus the extra shifts; minus the hours off.
 */
public final class Schedule {

	/** Minutes in a day: the longest slot. */
	public static final int DAY = 24 * 60;

	private final List<Slot> weekly;

	private final List<Exception> exceptions;

	private final ZoneId zone;

	public Schedule(List<Slot> weekly, List<Exception> exceptions, ZoneId zone) {
		this.weekly = List.copyOf(weekly);
		this.exceptions = List.copyOf(exceptions);
		this.zone = zone;
	}

	/** Every day, all day: for whoever has no plan. */
	public static List<Slot> always() {
		List<Slot> slots = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			slots.add(new Slot(day, LocalTime.MIDNIGHT, DAY));
		}
		return slots;
	}

	/** A weekly slot: on {@code day}, from {@code start}, for {@code minutes}. */
	public record Slot(DayOfWeek day, LocalTime start, int minutes) {

		/** Minutes since Monday 00:00 at which the slot starts. */
		int weekMinute() {
			return (this.day.getValue() - 1) * DAY + this.start.getHour() * 60 + this.start.getMinute();
		}

	}

	/**
	 * A dated change: {@code off} with no start is the whole day off; {@code off} with a
	 * start is that time off; {@code extra} is an additional shift.
	 */
	public record Exception(LocalDate date, boolean off, LocalTime start, Integer minutes) {

		boolean wholeDay() {
			return this.off && this.start == null;
		}

	}

	/** A stretch of working time, {@code [start, end)}. */
	public record Interval(Instant start, Instant end) {

		public boolean contains(Instant at) {
			return !at.isBefore(this.start) && at.isBefore(this.end);
		}

	}

	/**
	 * @return whether {@code at} is working time
	 */
	public boolean covers(Instant at) {
		LocalDate date = LocalDate.ofInstant(at, this.zone);
		return intervals(date.minusDays(1), date.plusDays(1)).stream().anyMatch((i) -> i.contains(at));
	}

	/**
	 * @return the working time of the slots starting on the dates in
	 * {@code [from, toExclusive)}, merged and in order (a slot starting the day before
	 * {@code from} is not included)
	 */
	public List<Interval> intervals(LocalDate from, LocalDate toExclusive) {
		List<Interval> on = new ArrayList<>();
		List<Interval> off = new ArrayList<>();
		for (LocalDate date = from; date.isBefore(toExclusive); date = date.plusDays(1)) {
			LocalDate day = date;
			boolean dayOff = this.exceptions.stream().anyMatch((e) -> e.date().equals(day) && e.wholeDay());
			if (!dayOff) {
				for (Slot slot : this.weekly) {
					if (slot.day() == date.getDayOfWeek()) {
						on.add(interval(date, slot.start(), slot.minutes()));
					}
				}
			}
			for (Exception exception : this.exceptions) {
				if (exception.date().equals(date) && !exception.wholeDay()) {
					(exception.off() ? off : on).add(interval(date, exception.start(), exception.minutes()));
				}
			}
		}
		return subtract(merge(on), merge(off));
	}

	private Interval interval(LocalDate date, LocalTime start, int minutes) {
		LocalDateTime from = LocalDateTime.of(date, start);
		return new Interval(from.atZone(this.zone).toInstant(),
				from.plusMinutes(minutes).atZone(this.zone).toInstant());
	}

	static List<Interval> merge(List<Interval> intervals) {
		List<Interval> sorted = new ArrayList<>(intervals);
		sorted.removeIf((i) -> !i.end().isAfter(i.start()));
		sorted.sort(Comparator.comparing(Interval::start));
		List<Interval> merged = new ArrayList<>();
		for (Interval next : sorted) {
			Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && !next.start().isAfter(last.end())) {
				merged.set(merged.size() - 1,
						new Interval(last.start(), next.end().isAfter(last.end()) ? next.end() : last.end()));
			}
			else {
				merged.add(next);
			}
		}
		return merged;
	}

	private static List<Interval> subtract(List<Interval> on, List<Interval> off) {
		List<Interval> result = new ArrayList<>();
		for (Interval interval : on) {
			List<Interval> pieces = List.of(interval);
			for (Interval cut : off) {
				List<Interval> next = new ArrayList<>();
				for (Interval piece : pieces) {
					if (!cut.start().isBefore(piece.end()) || !cut.end().isAfter(piece.start())) {
						next.add(piece);
						continue;
					}
					if (cut.start().isAfter(piece.start())) {
						next.add(new Interval(piece.start(), cut.start()));
					}
					if (cut.end().isBefore(piece.end())) {
						next.add(new Interval(cut.end(), piece.end()));
					}
				}
				pieces = next;
			}
			result.addAll(pieces);
		}
		return result;
	}

	/**
	 * @return whether two slots of one week overlap (the week wraps around: a Sunday
	 * night slot may run into Monday)
	 */
	public static boolean overlap(Slot a, Slot b) {
		int week = 7 * DAY;
		int aStart = a.weekMinute();
		int bStart = b.weekMinute();
		for (int shift = -week; shift <= week; shift += week) {
			int s = bStart + shift;
			if (aStart < s + b.minutes() && s < aStart + a.minutes()) {
				return true;
			}
		}
		return false;
	}

}
