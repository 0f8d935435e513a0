package dev.parley.operations.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.parley.operations.internal.monitoring.Metric;
import dev.parley.operations.internal.monitoring.MetricHistory;
import dev.parley.platform.ClusterNodes;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static dev.parley.platform.ApiException.invalid;

/**
 * The status screen's figures: the latest minute of each node and of the cluster, and the
 * history of the chosen metrics over a range, for one node or the cluster as a whole.
 */
@RestController
@RequiresPermission(Permission.SYSTEM_MONITOR)
class StatusController {

	/** The ranges the screen offers. */
	enum Range {

		H1(Duration.ofHours(1)), H6(Duration.ofHours(6)), H24(Duration.ofHours(24)), D7(Duration.ofDays(7)),
		D30(Duration.ofDays(30)), D90(Duration.ofDays(90));

		final Duration length;

		Range(Duration length) {
			this.length = length;
		}

		static Range of(String text) {
			return Arrays.stream(values())
				.filter((
						range) -> range.name().substring(1).concat(range.name().substring(0, 1)).equalsIgnoreCase(text))
				.findFirst()
				.orElseThrow(() -> invalid("range", "must be one of 1h, 6h, 24h, 7d, 30d, 90d"));
		}

	}

	private final MetricHistory history;

	private final ClusterNodes nodes;

	private final Clock clock;

	StatusController(MetricHistory history, ClusterNodes nodes, Clock clock) {
		this.history = history;
		this.nodes = nodes;
		this.clock = clock;
	}

	@GetMapping("/api/v1/operations/metrics")
	List<MetricView> metrics() {
		return Arrays.stream(Metric.values()).map(MetricView::of).toList();
	}

	@GetMapping("/api/v1/operations/status")
	StatusView status(@RequestParam(defaultValue = "1h") String range, @RequestParam(required = false) String node,
			@RequestParam(required = false) List<String> metrics) {
		Range chosen = Range.of(range);
		if (node != null && !node.isEmpty() && !node.matches("[A-Za-z0-9-]{1,64}")) {
			throw invalid("node", "has the wrong format");
		}
		String onNode = (node == null || node.isEmpty()) ? null : node;
		List<Metric> wanted = wanted(metrics);
		Instant now = this.clock.instant();
		Instant from = now.minus(chosen.length);
		Set<String> alive = this.nodes.alive().stream().map(ClusterNodes.Node::id).collect(Collectors.toSet());
		List<NodeView> reporting = this.history.nodes(from, now)
			.stream()
			.map((seen) -> new NodeView(seen.id(), seen.host(), alive.contains(seen.id()), seen.lastSeen()))
			.toList();
		List<SeriesView> series = new ArrayList<>();
		for (Metric metric : wanted) {
			for (MetricHistory.Series one : this.history.series(metric, onNode, from, now, now)) {
				series.add(SeriesView.of(one));
			}
		}
		return new StatusView(now, this.nodes.thisNode().id(), reporting, latest(now), series);
	}

	private static List<Metric> wanted(List<String> metrics) {
		if (metrics == null || metrics.isEmpty()) {
			return List.of(Metric.values());
		}
		if (metrics.size() > Metric.values().length) {
			throw invalid("metrics", "must have 1-" + Metric.values().length + " entries");
		}
		List<Metric> wanted = new ArrayList<>();
		for (String key : metrics) {
			wanted.add(Metric.of(key).orElseThrow(() -> invalid("metrics", "must be a known metric")));
		}
		return wanted;
	}

	/** The latest value of each node and, aggregated, of the cluster. */
	private List<ValueView> latest(Instant now) {
		List<ValueView> values = new ArrayList<>();
		Map<String, List<MetricHistory.Value>> byMetric = new LinkedHashMap<>();
		for (MetricHistory.Value value : this.history.latest(now)) {
			values.add(new ValueView(value.metric().key(), value.dim(), value.node(), value.value()));
			if (!value.node().isEmpty()) {
				byMetric.computeIfAbsent(value.metric().key() + "\u0000" + value.dim(), (key) -> new ArrayList<>())
					.add(value);
			}
		}
		byMetric.forEach((key, nodeValues) -> {
			Metric metric = nodeValues.get(0).metric();
			values.add(new ValueView(metric.key(), nodeValues.get(0).dim(), null, aggregate(metric, nodeValues)));
		});
		return values;
	}

	private static BigDecimal aggregate(Metric metric, List<MetricHistory.Value> values) {
		List<BigDecimal> numbers = values.stream().map(MetricHistory.Value::value).toList();
		return switch (metric.aggregation()) {
			case SUM -> numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			case MAX -> numbers.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
			case MIN -> numbers.stream().min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
			case AVG -> numbers.stream()
				.reduce(BigDecimal.ZERO, BigDecimal::add)
				.divide(BigDecimal.valueOf(numbers.size()), 4, RoundingMode.HALF_UP);
		};
	}

	record MetricView(String key, String unit, String dimension, boolean cluster, BigDecimal maxThreshold) {

		static MetricView of(Metric metric) {
			return new MetricView(metric.key(), metric.unit().name(),
					(metric.dimension() != null) ? metric.dimension().name() : null, metric.cluster(),
					metric.unit().max());
		}

	}

	/**
	 * @param thisNode the node that answered
	 * @param latest node "" is the cluster's own figure, null a figure aggregated over
	 * nodes
	 */
	record StatusView(Instant now, String thisNode, List<NodeView> nodes, List<ValueView> latest,
			List<SeriesView> series) {
	}

	record NodeView(String id, String host, boolean alive, Instant lastSeen) {
	}

	record ValueView(String metric, String dim, String node, BigDecimal value) {
	}

	/**
	 * @param points pairs of epoch milliseconds and value
	 */
	record SeriesView(String metric, String unit, String dim, String node, long stepSeconds, List<Object[]> points) {

		static SeriesView of(MetricHistory.Series series) {
			return new SeriesView(series.metric().key(), series.metric().unit().name(), series.dim(), series.node(),
					series.step().toSeconds(),
					series.points()
						.stream()
						.map((point) -> new Object[] { point.at().toEpochMilli(), point.value() })
						.toList());
		}

	}

}
