package dev.parley.operations.internal.monitoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The samples as the status screen, the alert rules and the fault records read them:
 * series over a range (minutes for the last 7 days, 15-minute slots before, in at most
 * {@value #MAX_POINTS} points), the latest values, and the nodes that reported.
 */
@Component
public class MetricHistory {

	static final int MAX_POINTS = 720;

	private final SampleRepository samples;

	MetricHistory(SampleRepository samples) {
		this.samples = samples;
	}

	/**
	 * @param node a node's id, or null for the cluster
	 * @return one series per dimension of the metric
	 */
	public List<Series> series(Metric metric, String node, Instant from, Instant to, Instant now) {
		long fromMinute = Sampler.minute(from);
		long toMinute = Sampler.minute(to);
		boolean thinned = from.isBefore(now.minus(Sampler.MINUTES_KEPT));
		int step = thinned ? SampleRepository.SLOT_MINUTES : 1;
		long span = Math.max(1, toMinute - fromMinute);
		long perPoint = (span + MAX_POINTS - 1) / MAX_POINTS;
		int width = (int) (((perPoint + step - 1) / step) * step);
		List<SampleRepository.Row> rows = new ArrayList<>();
		if (thinned) {
			// slots before the minutes kept, the minutes after: a range reaching back
			// past
			// 7 days still ends now
			long cutoff = this.samples.oldestMinute().orElse(toMinute + 1);
			rows.addAll(this.samples.series(metric, node, fromMinute, Math.min(toMinute, cutoff - 1), width, true));
			if (cutoff <= toMinute) {
				rows.addAll(this.samples.series(metric, node, Math.max(fromMinute, cutoff), toMinute, width, false));
			}
		}
		else {
			rows.addAll(this.samples.series(metric, node, fromMinute, toMinute, width, false));
		}
		Map<String, java.util.TreeMap<Long, BigDecimal>> buckets = new LinkedHashMap<>();
		for (SampleRepository.Row row : rows) {
			// a bucket split by the cutoff keeps its later part
			buckets.computeIfAbsent(row.dim(), (dim) -> new java.util.TreeMap<>()).put(row.minute(), row.value());
		}
		Map<String, List<Point>> byDim = new LinkedHashMap<>();
		buckets.forEach(
				(dim, points) -> points.forEach((minute, value) -> byDim.computeIfAbsent(dim, (d) -> new ArrayList<>())
					.add(new Point(Instant.ofEpochSecond(minute * 60), value))));
		List<Series> series = new ArrayList<>();
		byDim.forEach((dim, points) -> series.add(new Series(metric, dim, node, Duration.ofMinutes(width), points)));
		return series;
	}

	/** The latest minute of every node and of the cluster, from the last few minutes. */
	public List<Value> latest(Instant now) {
		return this.samples.latest(Sampler.minute(now) - 3)
			.stream()
			.flatMap((row) -> Metric.of(row.metric())
				.map((metric) -> new Value(metric, row.dim(), row.node(), Instant.ofEpochSecond(row.minute() * 60),
						row.value()))
				.stream())
			.toList();
	}

	/** The nodes that wrote samples in the range. */
	public List<ReportingNode> nodes(Instant from, Instant to) {
		return this.samples.nodes(Sampler.minute(from), Sampler.minute(to))
			.stream()
			.map((seen) -> new ReportingNode(seen.node(), seen.host(), Instant.ofEpochSecond(seen.firstSeen() * 60),
					Instant.ofEpochSecond(seen.lastSeen() * 60)))
			.toList();
	}

	/**
	 * A node's (or the cluster's: "") minutes of a metric since a minute, oldest first.
	 */
	public List<Value> recent(Metric metric, String node, long sinceMinute) {
		return this.samples.recent(metric, node, sinceMinute)
			.stream()
			.map((row) -> new Value(metric, row.dim(), row.node(), Instant.ofEpochSecond(row.minute() * 60),
					row.value()))
			.toList();
	}

	/** The nodes that wrote their own samples since a minute. */
	public List<String> nodesSince(long sinceMinute) {
		return this.samples.nodesSince(sinceMinute);
	}

	public record Point(Instant at, BigDecimal value) {
	}

	/**
	 * @param step the time each point stands for
	 */
	public record Series(Metric metric, String dim, String node, Duration step, List<Point> points) {
	}

	/**
	 * @param node the node, "" for the cluster's own figures
	 */
	public record Value(Metric metric, String dim, String node, Instant at, BigDecimal value) {

		public long minute() {
			return Sampler.minute(this.at);
		}

	}

	public record ReportingNode(String id, String host, Instant firstSeen, Instant lastSeen) {
	}

}
