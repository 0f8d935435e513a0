package dev.parley.operations.internal.faults;

import java.util.Locale;

/** What kind of fault it is, as the guide names them, and OTHER for the rest. */
public enum FaultClass {

	HARDWARE, SOFTWARE, NETWORK, LOAD, DATABASE, OTHER;

	/**
	 * @return the class of a fault an alert on this metric opens (names as in
	 * docs/monitoring/metrics.md)
	 */
	public static FaultClass ofMetric(String metric) {
		String name = (metric == null) ? "" : metric.toLowerCase(Locale.ROOT);
		if (name.startsWith("system.disk") || name.startsWith("system.memory") || name.startsWith("disk")) {
			return HARDWARE;
		}
		if (name.startsWith("system.network") || name.contains("node.gone") || name.startsWith("websocket")) {
			return NETWORK;
		}
		if (name.startsWith("hikaricp") || name.startsWith("jdbc") || name.startsWith("db.") || name.contains("outbox")
				|| name.contains("event.publication")) {
			return DATABASE;
		}
		if (name.startsWith("jvm") || name.startsWith("process.") && !name.startsWith("process.cpu")
				|| name.contains("error")) {
			return SOFTWARE;
		}
		if (name.contains("cpu") || name.startsWith("http.server") || name.startsWith("queue")
				|| name.contains("load")) {
			return LOAD;
		}
		return OTHER;
	}

}
