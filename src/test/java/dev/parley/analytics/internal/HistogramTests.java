package dev.parley.analytics.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Percentiles from histograms: exact in whole seconds below ten minutes, within 1% above.
 */
class HistogramTests {

	@Test
	void percentilesBelowTenMinutesAreExactSeconds() {
		Histogram h = Histogram.empty();
		for (long seconds : new long[] { 12, 3, 7, 45, 30 }) {
			h.add(seconds * 1000 + 999);
		}
		// sorted 3, 7, 12, 30, 45: median the 3rd, p90 the 5th (nearest rank)
		assertThat(h.percentile(50)).isEqualTo(12_000);
		assertThat(h.percentile(90)).isEqualTo(45_000);
		assertThat(h.percentile(0)).isEqualTo(3_000);
		assertThat(Histogram.empty().percentile(50)).isNull();
	}

	@Test
	void longDurationsAreWithinOnePercent() {
		for (long seconds : new long[] { 600, 601, 3_599, 86_400, 30L * 86_400, 400L * 86_400 }) {
			Histogram h = Histogram.empty();
			h.add(seconds * 1000);
			assertThat((double) h.percentile(50)).as("%d s", seconds)
				.isCloseTo(seconds * 1000.0, within(seconds * 10.0));
		}
	}

	@Test
	void histogramsAddUpTakeBackAndSurviveTheirText() {
		Histogram a = Histogram.empty();
		a.add(5_000);
		a.add(5_000);
		a.add(700_000);
		Histogram b = Histogram.parse(a.encode());
		assertThat(b).isEqualTo(a);
		assertThat(a.encode()).isEqualTo("5:2," + Histogram.bucket(700_000) + ":1");
		b.add(a, -1);
		assertThat(b.isEmpty()).isTrue();
		b.addEncoded("5:-1", 1);
		assertThat(b.encode()).isEqualTo("5:-1");
		assertThat(b.isEmpty()).isFalse();
		Histogram c = Histogram.empty();
		c.add(-3);
		assertThat(c.percentile(50)).as("a negative duration counts as none").isZero();
	}

}
