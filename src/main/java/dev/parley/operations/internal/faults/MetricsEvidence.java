package dev.parley.operations.internal.faults;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.operations.internal.monitoring.Metric;
import dev.parley.operations.internal.monitoring.MetricHistory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The status figures of a fault's window, for the whole cluster: the ones that show what
 * a fault does to the system (CPU, memory, disk, response times and errors, the pool, the
 * queues, connections).
 */
@Component
class MetricsEvidence implements EvidenceSource {

	/**
	 * The figures kept, each with the one dimension shown ("" when it has none, null for
	 * each).
	 */
	static final Map<Metric, String> FIGURES = figures();

	private final MetricHistory history;

	private final JsonMapper json;

	private final Clock clock;

	MetricsEvidence(MetricHistory history, JsonMapper json, Clock clock) {
		this.history = history;
		this.json = json;
		this.clock = clock;
	}

	private static Map<Metric, String> figures() {
		Map<Metric, String> figures = new LinkedHashMap<>();
		figures.put(Metric.SYSTEM_CPU, "");
		figures.put(Metric.PROCESS_CPU, "");
		figures.put(Metric.JVM_HEAP_USED, "");
		figures.put(Metric.SYSTEM_MEMORY_USED, "");
		figures.put(Metric.DISK_USED, null);
		figures.put(Metric.HTTP_P99, "all");
		figures.put(Metric.HTTP_ERRORS, "all");
		figures.put(Metric.DB_POOL_USED, "");
		figures.put(Metric.QUEUE_LONGEST_WAIT, "all");
		figures.put(Metric.WS_VISITORS, "");
		return figures;
	}

	@Override
	public EvidenceKind kind() {
		return EvidenceKind.METRICS;
	}

	@Override
	public String capture(Instant from, Instant to) {
		List<Map<String, Object>> series = new ArrayList<>();
		FIGURES.forEach((metric, dim) -> {
			for (MetricHistory.Series one : this.history.series(metric, null, from, to, this.clock.instant())) {
				if (dim != null && !dim.equals(one.dim())) {
					continue;
				}
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("metric", metric.key());
				entry.put("dim", one.dim());
				entry.put("node", null);
				entry.put("unit", metric.unit().name());
				entry.put("points",
						one.points()
							.stream()
							.map((point) -> List.of(point.at().toEpochMilli(), point.value()))
							.toList());
				series.add(entry);
			}
		});
		return this.json.writeValueAsString(Map.of("series", series));
	}

}
