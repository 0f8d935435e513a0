package dev.parley.analytics.internal.occupancy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Time stretches {@code [start, end)} in epoch milliseconds: their union's length, the
 * part of it inside other stretches, and how many overlap at most.
 */
final class Stretches {

	private final List<long[]> items = new ArrayList<>();

	/** Adds a stretch clipped to {@code [from, to)}; nothing when nothing is left. */
	void add(long start, long end, long from, long to) {
		long s = Math.max(start, from);
		long e = Math.min(end, to);
		if (e > s) {
			this.items.add(new long[] { s, e });
		}
	}

	void addAll(Stretches other) {
		other.items.forEach((item) -> this.items.add(new long[] { item[0], item[1] }));
	}

	/** The sum of the lengths (overlaps counted each time). */
	long total() {
		long sum = 0;
		for (long[] item : this.items) {
			sum += item[1] - item[0];
		}
		return sum;
	}

	/** The stretches merged where they overlap or touch, in order. */
	List<long[]> union() {
		List<long[]> sorted = new ArrayList<>(this.items);
		sorted.sort(Comparator.comparingLong((long[] s) -> s[0]));
		List<long[]> merged = new ArrayList<>();
		for (long[] item : sorted) {
			long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && item[0] <= last[1]) {
				last[1] = Math.max(last[1], item[1]);
			}
			else {
				merged.add(new long[] { item[0], item[1] });
			}
		}
		return merged;
	}

	static long length(List<long[]> union) {
		long sum = 0;
		for (long[] item : union) {
			sum += item[1] - item[0];
		}
		return sum;
	}

	/** The length of what two unions have in common. */
	static long overlap(List<long[]> a, List<long[]> b) {
		long sum = 0;
		int i = 0;
		int j = 0;
		while (i < a.size() && j < b.size()) {
			long s = Math.max(a.get(i)[0], b.get(j)[0]);
			long e = Math.min(a.get(i)[1], b.get(j)[1]);
			if (e > s) {
				sum += e - s;
			}
			if (a.get(i)[1] < b.get(j)[1]) {
				i++;
			}
			else {
				j++;
			}
		}
		return sum;
	}

	/**
	 * The most stretches overlapping at one moment (one ending as another starts: not
	 * both).
	 */
	int peak() {
		List<long[]> edges = new ArrayList<>();
		for (long[] item : this.items) {
			edges.add(new long[] { item[0], 1 });
			edges.add(new long[] { item[1], -1 });
		}
		edges.sort(Comparator.comparingLong((long[] e) -> e[0]).thenComparingLong((long[] e) -> e[1]));
		int now = 0;
		int most = 0;
		for (long[] edge : edges) {
			now += (int) edge[1];
			most = Math.max(most, now);
		}
		return most;
	}

}
