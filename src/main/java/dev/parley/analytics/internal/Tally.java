package dev.parley.analytics.internal;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts and durations that add up: one conversation's contribution to a row of totals,
 * or the sum of rows. {@link #add(Tally, int)} with -1 takes a contribution back.
 */
final class Tally {

	/** Which row: a rollup, a day or a month, and its two dimensions (0 for no group). */
	record Key(Rollup rollup, char grain, int period, long dimension, long groupId) {
	}

	private final long[] counters = new long[Counter.values().length];

	private final Map<Metric, Samples> metrics = new EnumMap<>(Metric.class);

	long get(Counter counter) {
		return this.counters[counter.ordinal()];
	}

	void count(Counter counter, long amount) {
		this.counters[counter.ordinal()] += amount;
	}

	/** The samples of a metric (empty ones when none were added). */
	Samples samples(Metric metric) {
		return this.metrics.computeIfAbsent(metric, (m) -> new Samples());
	}

	void sample(Metric metric, Long millis, Long businessMillis) {
		if (millis != null) {
			samples(metric).add(millis, (businessMillis != null) ? businessMillis : millis);
		}
	}

	void add(Metric metric, Samples more, int sign) {
		Samples samples = samples(metric);
		samples.n += sign * more.n;
		samples.sumMs += sign * more.sumMs;
		samples.sumBhMs += sign * more.sumBhMs;
		samples.histogram.add(more.histogram, sign);
		samples.histogramBh.add(more.histogramBh, sign);
	}

	void add(Tally other, int sign) {
		for (int i = 0; i < this.counters.length; i++) {
			this.counters[i] += sign * other.counters[i];
		}
		other.metrics.forEach((metric, samples) -> add(metric, samples, sign));
	}

	/** Whether it adds nothing (a contribution taken back as it was given). */
	boolean isZero() {
		for (long counter : this.counters) {
			if (counter != 0) {
				return false;
			}
		}
		return this.metrics.values()
			.stream()
			.allMatch((s) -> s.n == 0 && s.sumMs == 0 && s.sumBhMs == 0 && s.histogram.isEmpty()
					&& s.histogramBh.isEmpty());
	}

}
