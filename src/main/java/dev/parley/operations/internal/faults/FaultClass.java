package dev.parley.operations.internal.faults;

import java.util.Locale;

/** What kind of fault it is, as the guide names them, and OTHER for the rest. */
public enum FaultClass {

	HARDWARE, SOFTWARE, NETWORK, LOAD, DATABASE, OTHER;

	/**
	 * @return the class of a fault an alert on this metric opens (the metrics of the
	 * monitoring (Metric): {@code disk.used}, {@code network.in},
	 * {@code db.pool.pending}, {@code http.p95}, ...); OTHER for a metric none of these
	 * names
	 */
	public static FaultClass ofMetric(String metric) {
		String name = (metric == null) ? "" : metric.toLowerCase(Locale.ROOT);
		if (name.startsWith("disk.") || name.startsWith("system.memory")) {
			return HARDWARE;
		}
		if (name.startsWith("network.") || name.startsWith("nodes.") || name.startsWith("ws.")) {
			return NETWORK;
		}
		if (name.startsWith("db.") || name.startsWith("outbox.") || name.startsWith("events.")) {
			return DATABASE;
		}
		if (name.startsWith("jvm.") || name.contains("error") || name.contains("failed")) {
			return SOFTWARE;
		}
		if (name.endsWith(".cpu") || name.startsWith("http.") || name.startsWith("queue.")
				|| name.startsWith("chat.")) {
			return LOAD;
		}
		return OTHER;
	}

}
