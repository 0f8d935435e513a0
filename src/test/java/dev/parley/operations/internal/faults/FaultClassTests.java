package dev.parley.operations.internal.faults;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The class of a fault an alert opens, from the metrics the monitoring samples. */
class FaultClassTests {

	@Test
	void everyMonitoredMetricHasTheClassOfItsCause() {
		Map<String, FaultClass> expected = Map.ofEntries(Map.entry("disk.used", FaultClass.HARDWARE),
				Map.entry("disk.free", FaultClass.HARDWARE), Map.entry("system.memory.used", FaultClass.HARDWARE),
				Map.entry("network.in", FaultClass.NETWORK), Map.entry("nodes.gone", FaultClass.NETWORK),
				Map.entry("ws.visitors", FaultClass.NETWORK), Map.entry("db.pool.pending", FaultClass.DATABASE),
				Map.entry("db.connection.time", FaultClass.DATABASE),
				Map.entry("outbox.oldest_age", FaultClass.DATABASE), Map.entry("events.backlog", FaultClass.DATABASE),
				Map.entry("jvm.heap.used", FaultClass.SOFTWARE), Map.entry("http.errors", FaultClass.SOFTWARE),
				Map.entry("backup.failed", FaultClass.SOFTWARE), Map.entry("system.cpu", FaultClass.LOAD),
				Map.entry("process.cpu", FaultClass.LOAD), Map.entry("http.p95", FaultClass.LOAD),
				Map.entry("queue.longest_wait", FaultClass.LOAD), Map.entry("chat.messages", FaultClass.LOAD),
				Map.entry("something.new", FaultClass.OTHER));
		expected
			.forEach((metric, faultClass) -> assertThat(FaultClass.ofMetric(metric)).as(metric).isEqualTo(faultClass));
		assertThat(FaultClass.ofMetric(null)).isEqualTo(FaultClass.OTHER);
	}

}
