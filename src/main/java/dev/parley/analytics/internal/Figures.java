package dev.parley.analytics.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The figures of one row of a report, out of its totals and those of the period before:
 * counts, rates and durations (median, 90th percentile, average) as docs/metrics.md
 * defines them. Durations are milliseconds, in calendar time or business hours as the
 * report asked.
 */
final class Figures {

	private Figures() {
	}

	/** A count, and the same count in the period before (null when not compared). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Count(long value, Long previous) {
	}

	/** A share from 0 to 1 (null when its denominator is zero), now and before. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Rate(Double value, Double previous) {
	}

	/** A duration's samples: how many, median, 90th percentile, average. */
	record Duration(long n, Long median, Long p90, Long average) {

		static Duration of(Samples s, boolean business) {
			Histogram h = business ? s.histogramBh : s.histogram;
			long sum = business ? s.sumBhMs : s.sumMs;
			return new Duration(s.n, h.percentile(50), h.percentile(90), (s.n > 0) ? sum / s.n : null);
		}

	}

	/** A duration now, and before. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Compared(long n, Long median, Long p90, Long average, Duration previous) {

		static Compared of(Samples now, Samples before, boolean business) {
			Duration d = Duration.of(now, business);
			return new Compared(d.n(), d.median(), d.p90(), d.average(),
					(before != null) ? Duration.of(before, business) : null);
		}

	}

	static Map<String, Count> counts(Tally now, Tally before, Set<Counter> counters) {
		Map<String, Count> counts = new LinkedHashMap<>();
		for (Counter counter : counters) {
			if (counter.name().startsWith("HOUR_") || counter.name().startsWith("RATING_")) {
				continue;
			}
			counts.put(ApiNames.camel(counter.column()),
					new Count(now.get(counter), (before != null) ? before.get(counter) : null));
		}
		return counts;
	}

	static Map<String, Compared> durations(Tally now, Tally before, Set<Metric> metrics, boolean business) {
		Map<String, Compared> durations = new LinkedHashMap<>();
		for (Metric metric : metrics) {
			durations.put(metric.key(),
					Compared.of(now.samples(metric), (before != null) ? before.samples(metric) : null, business));
		}
		return durations;
	}

	/** The rates of conversations' totals. */
	static Map<String, Rate> conversationRates(Tally now, Tally before) {
		Map<String, Rate> rates = new LinkedHashMap<>();
		rates.put("abandonment", rate(now, before, Counter.ABANDONED, Counter.LIVE));
		rates.put("reopen", rate(now, before, Counter.REOPENED, Counter.CLOSED));
		rates.put("transfer", rate(now, before, Counter.TRANSFERRED, Counter.ASSIGNED));
		rates.put("leftAnswered", rate(now, before, Counter.LEFT_ANSWERED, Counter.LEFT_MESSAGES));
		csat(rates, now, before, Counter.CLOSED);
		return rates;
	}

	/** The rates of an agent's totals. */
	static Map<String, Rate> agentRates(Tally now, Tally before) {
		Map<String, Rate> rates = new LinkedHashMap<>();
		rates.put("resolved", rate(now, before, Counter.RESOLVED, Counter.ASSIGNED));
		rates.put("missed", rate(now, before, Counter.MISSED, Counter.ASSIGNED));
		csat(rates, now, before, Counter.RESOLVED);
		return rates;
	}

	private static void csat(Map<String, Rate> rates, Tally now, Tally before, Counter asked) {
		rates.put("csat", new Rate(satisfied(now), (before != null) ? satisfied(before) : null));
		rates.put("csatResponse", rate(now, before, Counter.RATED, asked));
		rates.put("averageRating", new Rate(averageRating(now), (before != null) ? averageRating(before) : null));
	}

	/** The distribution of scores 1 to 5. */
	static long[] ratings(Tally t) {
		long[] ratings = new long[5];
		for (int score = 1; score <= 5; score++) {
			ratings[score - 1] = t.get(Counter.rating(score));
		}
		return ratings;
	}

	private static Double satisfied(Tally t) {
		long rated = t.get(Counter.RATED);
		return (rated > 0) ? (double) (t.get(Counter.RATING_4) + t.get(Counter.RATING_5)) / rated : null;
	}

	private static Double averageRating(Tally t) {
		long rated = t.get(Counter.RATED);
		return (rated > 0) ? (double) t.get(Counter.RATING_SUM) / rated : null;
	}

	private static Rate rate(Tally now, Tally before, Counter part, Counter whole) {
		return new Rate(share(now, part, whole), (before != null) ? share(before, part, whole) : null);
	}

	private static Double share(Tally t, Counter part, Counter whole) {
		long of = t.get(whole);
		return (of > 0) ? (double) t.get(part) / of : null;
	}

}
