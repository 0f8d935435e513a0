package dev.parley.analytics.internal;

/**
 * The durations of a kind measured in one conversation (its replies, say): how many,
 * their sums in calendar and business time, and their histograms.
 */
final class Samples {

	long n;

	long sumMs;

	long sumBhMs;

	Histogram histogram = Histogram.empty();

	Histogram histogramBh = Histogram.empty();

	void add(long millis, long businessMillis) {
		this.n++;
		this.sumMs += millis;
		this.sumBhMs += businessMillis;
		this.histogram.add(millis);
		this.histogramBh.add(businessMillis);
	}

	static Samples of(long n, long sumMs, long sumBhMs, String histogram, String histogramBh) {
		Samples samples = new Samples();
		samples.n = n;
		samples.sumMs = sumMs;
		samples.sumBhMs = sumBhMs;
		samples.histogram = Histogram.parse(histogram);
		samples.histogramBh = Histogram.parse(histogramBh);
		return samples;
	}

}
