package dev.parley.analytics.internal.tickets;

import java.util.Arrays;

/**
 * Durations of a period in calendar time and business hours, summarised exactly: the
 * median and 90th percentile by nearest rank, the average rounded down.
 */
final class Durations {

	private long[] calendar = new long[16];

	private long[] business = new long[16];

	private int n;

	void add(Long calendarMs, Long businessMs) {
		if (calendarMs == null) {
			return;
		}
		if (this.n == this.calendar.length) {
			this.calendar = Arrays.copyOf(this.calendar, this.n * 2);
			this.business = Arrays.copyOf(this.business, this.n * 2);
		}
		this.calendar[this.n] = calendarMs;
		this.business[this.n] = (businessMs != null) ? businessMs : calendarMs;
		this.n++;
	}

	TicketReport.Duration summary(boolean inBusinessHours, Durations before) {
		long[] sorted = sorted(inBusinessHours);
		long[] previous = before.sorted(inBusinessHours);
		return new TicketReport.Duration(this.n, rank(sorted, 50), rank(sorted, 90), average(sorted),
				rank(previous, 50));
	}

	private long[] sorted(boolean inBusinessHours) {
		long[] values = Arrays.copyOf(inBusinessHours ? this.business : this.calendar, this.n);
		Arrays.sort(values);
		return values;
	}

	/**
	 * The nearest-rank percentile: the smallest value at least p% of the values do not
	 * exceed.
	 */
	static Long rank(long[] sorted, int percentile) {
		if (sorted.length == 0) {
			return null;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)];
	}

	private static Long average(long[] values) {
		if (values.length == 0) {
			return null;
		}
		long sum = 0;
		for (long v : values) {
			sum += v;
		}
		return sum / values.length;
	}

}
