package dev.parley.agents.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Part of every routing decision: whether an agent's week of shifts covers the moment
 * (wall-clock slots in the organisation's zone).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ScheduleBench {

	private final Schedule week;

	private final Instant at = Instant.parse("2026-11-25T14:30:00Z");

	public ScheduleBench() {
		// two shifts a day on weekdays, one on Saturday
		List<Schedule.Slot> slots = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day != DayOfWeek.SUNDAY) {
				slots.add(new Schedule.Slot(day, LocalTime.of(8, 0), 4 * 60));
			}
			if (day.getValue() <= 5) {
				slots.add(new Schedule.Slot(day, LocalTime.of(13, 0), 5 * 60));
			}
		}
		this.week = new Schedule(slots, List.of(), ZoneId.of("Europe/Berlin"));
	}

	@Benchmark
	public boolean onShift() {
		return this.week.covers(this.at);
	}

}
