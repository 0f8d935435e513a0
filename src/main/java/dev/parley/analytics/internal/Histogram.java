package dev.parley.analytics.internal;

import java.util.Arrays;

/**
 * Counts of durations by bucket, from which medians and other percentiles are read
 * without keeping every value: whole seconds exactly below ten minutes, and buckets 2%
 * wide above (so a percentile above ten minutes is within 1% of the true value).
 * Histograms add up (a month's is the sum of its days'), and subtract, so a
 * conversation's contribution can be taken back when its figures change.
 * <p>
 * Stored as text, {@code bucket:count} pairs in bucket order separated by commas, which
 * every database keeps in a text column and a person can read.
 */
final class Histogram {

	/** Below this many seconds every second is a bucket of its own. */
	static final int EXACT_SECONDS = 600;

	private static final double RATIO = 1.02;

	private static final double LOG_RATIO = Math.log(RATIO);

	/** About 35 years in the last bucket; nothing lasts longer. */
	static final int BUCKETS = EXACT_SECONDS + 1 + (int) Math.ceil(Math.log(1.1e9 / EXACT_SECONDS) / LOG_RATIO);

	private long[] counts = new long[0];

	private long total;

	static Histogram empty() {
		return new Histogram();
	}

	static Histogram parse(String text) {
		Histogram histogram = new Histogram();
		histogram.addEncoded(text, 1);
		return histogram;
	}

	/** The bucket of a duration in milliseconds (negative durations count as zero). */
	static int bucket(long millis) {
		long seconds = Math.max(0, millis / 1000);
		if (seconds < EXACT_SECONDS) {
			return (int) seconds;
		}
		int bucket = EXACT_SECONDS + (int) Math.floor(Math.log((double) seconds / EXACT_SECONDS) / LOG_RATIO);
		return Math.min(bucket, BUCKETS - 1);
	}

	/**
	 * The value a bucket stands for, in milliseconds: its second for the exact ones, the
	 * geometric middle of its range for the others.
	 */
	static long value(int bucket) {
		if (bucket < EXACT_SECONDS) {
			return bucket * 1000L;
		}
		double low = EXACT_SECONDS * Math.pow(RATIO, bucket - EXACT_SECONDS);
		return Math.round(low * Math.sqrt(RATIO) * 1000);
	}

	void add(long millis) {
		addToBucket(bucket(millis), 1);
	}

	/** Adds another histogram's counts times {@code sign} (1 to add, -1 to take away). */
	void add(Histogram other, int sign) {
		for (int b = 0; b < other.counts.length; b++) {
			if (other.counts[b] != 0) {
				addToBucket(b, sign * other.counts[b]);
			}
		}
	}

	/**
	 * Adds stored text's counts times {@code sign}, without building a histogram of it.
	 */
	void addEncoded(String text, int sign) {
		if (text == null || text.isEmpty()) {
			return;
		}
		int length = text.length();
		int i = 0;
		while (i < length) {
			int bucket = 0;
			char c;
			while ((c = text.charAt(i++)) != ':') {
				bucket = bucket * 10 + (c - '0');
			}
			long count = 0;
			boolean negative = false;
			while (i < length && (c = text.charAt(i)) != ',') {
				if (c == '-') {
					negative = true;
				}
				else {
					count = count * 10 + (c - '0');
				}
				i++;
			}
			i++;
			addToBucket(bucket, sign * (negative ? -count : count));
		}
	}

	private void addToBucket(int bucket, long count) {
		if (bucket >= this.counts.length) {
			this.counts = Arrays.copyOf(this.counts, Math.min(BUCKETS, Math.max(bucket + 1, this.counts.length * 2)));
		}
		this.counts[bucket] += count;
		this.total += count;
	}

	long total() {
		return this.total;
	}

	/** Whether every bucket is zero. */
	boolean isEmpty() {
		for (long count : this.counts) {
			if (count != 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The nearest-rank percentile: the smallest value with at least {@code percent} of
	 * all values at or below it (the median of 4 values is the second).
	 * @return milliseconds, or null for an empty histogram
	 */
	Long percentile(double percent) {
		if (this.total <= 0) {
			return null;
		}
		long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * this.total));
		long seen = 0;
		for (int b = 0; b < this.counts.length; b++) {
			seen += this.counts[b];
			if (seen >= rank) {
				return value(b);
			}
		}
		return value(this.counts.length - 1);
	}

	String encode() {
		StringBuilder text = new StringBuilder();
		for (int b = 0; b < this.counts.length; b++) {
			if (this.counts[b] != 0) {
				if (!text.isEmpty()) {
					text.append(',');
				}
				text.append(b).append(':').append(this.counts[b]);
			}
		}
		return text.toString();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Histogram h) && h.encode().equals(encode());
	}

	@Override
	public int hashCode() {
		return encode().hashCode();
	}

	@Override
	public String toString() {
		return "Histogram[" + encode() + "]";
	}

}
