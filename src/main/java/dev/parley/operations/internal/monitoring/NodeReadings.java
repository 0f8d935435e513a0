package dev.parley.operations.internal.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

import org.springframework.stereotype.Component;

/**
 * This node's figures for a minute, read from the meter registry. Rates (bytes and
 * messages per second, requests, errors) are the change of a counter since the previous
 * reading divided by the time between them; the first reading has none.
 */
@Component
class NodeReadings {

	private final MeterRegistry registry;

	/** Counter values of the previous reading, by meter and tag. */
	private final Map<String, Double> previous = new HashMap<>();

	private Instant previousAt;

	NodeReadings(MeterRegistry registry) {
		this.registry = registry;
	}

	synchronized List<Sample> read(Instant now) {
		double seconds = (this.previousAt != null) ? (now.toEpochMilli() - this.previousAt.toEpochMilli()) / 1000.0 : 0;
		this.previousAt = now;
		List<Sample> samples = new ArrayList<>();
		cpu(samples);
		memory(samples);
		disks(samples);
		network(samples, seconds);
		database(samples);
		http(samples, seconds);
		gauge("parley.realtime.connections", "side", "visitor")
			.ifPresent((value) -> samples.add(Sample.of(Metric.WS_VISITORS, value)));
		gauge("parley.realtime.connections", "side", "staff")
			.ifPresent((value) -> samples.add(Sample.of(Metric.WS_STAFF, value)));
		DistributionSummary messages = this.registry.find("parley.chat.message.batch").summary();
		if (messages != null) {
			rate("chat", messages.totalAmount(), seconds)
				.ifPresent((value) -> samples.add(Sample.of(Metric.CHAT_MESSAGES, value)));
		}
		return samples;
	}

	private void cpu(List<Sample> samples) {
		gauge("system.cpu.usage", null, null)
			.ifPresent((value) -> samples.add(Sample.of(Metric.SYSTEM_CPU, value * 100)));
		gauge("process.cpu.usage", null, null)
			.ifPresent((value) -> samples.add(Sample.of(Metric.PROCESS_CPU, value * 100)));
	}

	private void memory(List<Sample> samples) {
		double heap = sum("jvm.memory.used", "area", "heap");
		double heapMax = sum("jvm.memory.max", "area", "heap");
		samples.add(Sample.of(Metric.JVM_HEAP_BYTES, heap));
		if (heapMax > 0) {
			samples.add(Sample.of(Metric.JVM_HEAP_USED, 100 * heap / heapMax));
		}
		samples.add(Sample.of(Metric.JVM_NONHEAP_BYTES, sum("jvm.memory.used", "area", "nonheap")));
		var used = gauge(SystemMeters.MEMORY_USED, null, null);
		var total = gauge(SystemMeters.MEMORY_TOTAL, null, null);
		if (used.isPresent() && total.isPresent() && total.get() > 0) {
			samples.add(Sample.of(Metric.SYSTEM_MEMORY_BYTES, used.get()));
			samples.add(Sample.of(Metric.SYSTEM_MEMORY_USED, 100 * used.get() / total.get()));
		}
	}

	private void disks(List<Sample> samples) {
		for (Gauge free : this.registry.find(SystemMeters.DISK_FREE).gauges()) {
			String dir = free.getId().getTag("dir");
			double total = gauge(SystemMeters.DISK_TOTAL, "dir", dir).orElse(Double.NaN);
			double value = free.value();
			if (Double.isFinite(value) && Double.isFinite(total) && total > 0) {
				samples.add(Sample.of(Metric.DISK_FREE, dir, value));
				samples.add(Sample.of(Metric.DISK_USED, dir, 100 * (total - value) / total));
			}
		}
	}

	private void network(List<Sample> samples, double seconds) {
		for (FunctionCounter in : this.registry.find(SystemMeters.NETWORK_RECEIVED).functionCounters()) {
			String name = in.getId().getTag("interface");
			rate("in:" + name, in.count(), seconds)
				.ifPresent((value) -> samples.add(Sample.of(Metric.NETWORK_IN, name, value)));
		}
		for (FunctionCounter out : this.registry.find(SystemMeters.NETWORK_SENT).functionCounters()) {
			String name = out.getId().getTag("interface");
			rate("out:" + name, out.count(), seconds)
				.ifPresent((value) -> samples.add(Sample.of(Metric.NETWORK_OUT, name, value)));
		}
	}

	private void database(List<Sample> samples) {
		double max = sum("hikaricp.connections.max", null, null);
		if (max > 0) {
			samples.add(Sample.of(Metric.DB_POOL_USED, 100 * sum("hikaricp.connections.active", null, null) / max));
			samples.add(Sample.of(Metric.DB_POOL_PENDING, sum("hikaricp.connections.pending", null, null)));
		}
		double count = 0;
		double millis = 0;
		for (Timer usage : this.registry.find("hikaricp.connections.usage").timers()) {
			count += usage.count();
			millis += usage.totalTime(TimeUnit.MILLISECONDS);
		}
		Double countDelta = delta("db:count", count);
		Double millisDelta = delta("db:millis", millis);
		if (countDelta != null && millisDelta != null) {
			samples.add(Sample.of(Metric.DB_CONNECTION_TIME, (countDelta > 0) ? millisDelta / countDelta : 0));
		}
	}

	private void http(List<Sample> samples, double seconds) {
		for (Timer timer : this.registry.find(HttpTimings.LATENCY).timers()) {
			String group = timer.getId().getTag("group");
			Counter errors = this.registry.find(HttpTimings.ERRORS).tag("group", group).counter();
			Double requests = delta("http:" + group, timer.count());
			Double failed = delta("http-errors:" + group, (errors != null) ? errors.count() : 0);
			if (requests == null || seconds <= 0 || (requests == 0 && !HttpTimings.ALL.equals(group))) {
				continue;
			}
			samples.add(Sample.of(Metric.HTTP_RATE, group, requests / seconds));
			samples.add(Sample.of(Metric.HTTP_ERRORS, group, (requests > 0) ? 100 * failed / requests : 0));
			for (ValueAtPercentile percentile : timer.takeSnapshot().percentileValues()) {
				Metric metric = (percentile.percentile() < 0.6) ? Metric.HTTP_P50
						: (percentile.percentile() < 0.97) ? Metric.HTTP_P95 : Metric.HTTP_P99;
				samples.add(Sample.of(metric, group, percentile.value(TimeUnit.MILLISECONDS)));
			}
		}
	}

	private Optional<Double> rate(String key, double counter, double seconds) {
		Double delta = delta(key, counter);
		if (delta == null || seconds <= 0) {
			return Optional.empty();
		}
		return Optional.of(Math.max(0, delta) / seconds);
	}

	/** The change since the previous reading, or null on the first. */
	private Double delta(String key, double counter) {
		Double before = this.previous.put(key, counter);
		return (before != null) ? Math.max(0, counter - before) : null;
	}

	private Optional<Double> gauge(String name, String tag, String value) {
		var search = this.registry.find(name);
		if (tag != null) {
			search = search.tag(tag, value);
		}
		Gauge gauge = search.gauge();
		if (gauge == null) {
			return Optional.empty();
		}
		// read once: the JDK's CPU load is the time since its previous reading, so a
		// second read right after the first answers 0
		double reading = gauge.value();
		return Double.isFinite(reading) ? Optional.of(reading) : Optional.empty();
	}

	private double sum(String name, String tag, String value) {
		var search = this.registry.find(name);
		if (tag != null) {
			search = search.tag(tag, value);
		}
		double total = 0;
		for (Gauge gauge : search.gauges()) {
			double reading = gauge.value();
			if (Double.isFinite(reading) && reading > 0) {
				total += reading;
			}
		}
		return total;
	}

}
