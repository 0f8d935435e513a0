package dev.parley.operations.internal.monitoring;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The figures of the status screen and of the alert rules. Each is read once a minute
 * from the Micrometer meter registry (docs/monitoring/README.md names the meter behind
 * each), so the screen, {@code /actuator/prometheus} and the Grafana dashboard show the
 * same numbers. A node metric is written by every node for itself; a cluster metric once
 * for the whole installation by the node that evaluates the alerts.
 */
public enum Metric {

	SYSTEM_CPU("system.cpu", MetricUnit.PERCENT, Aggregation.AVG, false, null),

	PROCESS_CPU("process.cpu", MetricUnit.PERCENT, Aggregation.AVG, false, null),

	/** Heap in use as a share of the heap's maximum. */
	JVM_HEAP_USED("jvm.heap.used", MetricUnit.PERCENT, Aggregation.MAX, false, null),

	JVM_HEAP_BYTES("jvm.heap.bytes", MetricUnit.BYTES, Aggregation.SUM, false, null),

	JVM_NONHEAP_BYTES("jvm.nonheap.bytes", MetricUnit.BYTES, Aggregation.SUM, false, null),

	/** The machine's memory in use (without caches) as a share of all of it. */
	SYSTEM_MEMORY_USED("system.memory.used", MetricUnit.PERCENT, Aggregation.MAX, false, null),

	SYSTEM_MEMORY_BYTES("system.memory.bytes", MetricUnit.BYTES, Aggregation.SUM, false, null),

	/** Per directory: data, backup, log. */
	DISK_USED("disk.used", MetricUnit.PERCENT, Aggregation.MAX, false, Dimension.DIRECTORY),

	DISK_FREE("disk.free", MetricUnit.BYTES, Aggregation.MIN, false, Dimension.DIRECTORY),

	/** Per network interface. */
	NETWORK_IN("network.in", MetricUnit.BYTES_PER_SECOND, Aggregation.SUM, false, Dimension.INTERFACE),

	NETWORK_OUT("network.out", MetricUnit.BYTES_PER_SECOND, Aggregation.SUM, false, Dimension.INTERFACE),

	/** Connections of the database pool in use as a share of its maximum. */
	DB_POOL_USED("db.pool.used", MetricUnit.PERCENT, Aggregation.MAX, false, null),

	DB_POOL_PENDING("db.pool.pending", MetricUnit.COUNT, Aggregation.SUM, false, null),

	/**
	 * How long a connection was held on average: the queries and work of a transaction.
	 */
	DB_CONNECTION_TIME("db.connection.time", MetricUnit.MILLISECONDS, Aggregation.MAX, false, null),

	/** Per endpoint group, and "all". */
	HTTP_P50("http.p50", MetricUnit.MILLISECONDS, Aggregation.MAX, false, Dimension.ENDPOINT_GROUP),

	HTTP_P95("http.p95", MetricUnit.MILLISECONDS, Aggregation.MAX, false, Dimension.ENDPOINT_GROUP),

	HTTP_P99("http.p99", MetricUnit.MILLISECONDS, Aggregation.MAX, false, Dimension.ENDPOINT_GROUP),

	HTTP_RATE("http.rate", MetricUnit.PER_SECOND, Aggregation.SUM, false, Dimension.ENDPOINT_GROUP),

	/** Answers with a 5xx status as a share of all answers. */
	HTTP_ERRORS("http.errors", MetricUnit.PERCENT, Aggregation.MAX, false, Dimension.ENDPOINT_GROUP),

	WS_VISITORS("ws.visitors", MetricUnit.COUNT, Aggregation.SUM, false, null),

	WS_STAFF("ws.staff", MetricUnit.COUNT, Aggregation.SUM, false, null),

	CHAT_MESSAGES("chat.messages", MetricUnit.PER_SECOND, Aggregation.SUM, false, null),

	/** Per conversation group ("none" for conversations without one), and "all". */
	QUEUE_WAITING("queue.waiting", MetricUnit.COUNT, Aggregation.MAX, true, Dimension.GROUP),

	QUEUE_LONGEST_WAIT("queue.longest_wait", MetricUnit.SECONDS, Aggregation.MAX, true, Dimension.GROUP),

	OUTBOX_BACKLOG("outbox.backlog", MetricUnit.COUNT, Aggregation.MAX, true, null),

	OUTBOX_OLDEST_AGE("outbox.oldest_age", MetricUnit.SECONDS, Aggregation.MAX, true, null),

	EVENTS_BACKLOG("events.backlog", MetricUnit.COUNT, Aggregation.MAX, true, null),

	EVENTS_OLDEST_AGE("events.oldest_age", MetricUnit.SECONDS, Aggregation.MAX, true, null),

	BACKUP_FAILED("backup.failed", MetricUnit.FLAG, Aggregation.MAX, true, null),

	/** Nodes that stopped heartbeating without stopping cleanly, within the last day. */
	NODES_GONE("nodes.gone", MetricUnit.COUNT, Aggregation.MAX, true, null);

	private static final Map<String, Metric> BY_KEY = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Metric::key, Function.identity()));

	private final String key;

	private final MetricUnit unit;

	private final Aggregation aggregation;

	private final boolean cluster;

	private final Dimension dimension;

	Metric(String key, MetricUnit unit, Aggregation aggregation, boolean cluster, Dimension dimension) {
		this.key = key;
		this.unit = unit;
		this.aggregation = aggregation;
		this.cluster = cluster;
		this.dimension = dimension;
	}

	public static Optional<Metric> of(String key) {
		return Optional.ofNullable((key != null) ? BY_KEY.get(key) : null);
	}

	public String key() {
		return this.key;
	}

	public MetricUnit unit() {
		return this.unit;
	}

	/** How the nodes' values make the cluster's. */
	public Aggregation aggregation() {
		return this.aggregation;
	}

	/** Whether it is about the whole installation rather than one node. */
	public boolean cluster() {
		return this.cluster;
	}

	/** What its values are split by, or null. */
	public Dimension dimension() {
		return this.dimension;
	}

	/** How the values of several nodes combine. */
	public enum Aggregation {

		AVG, MAX, MIN, SUM

	}

	/** What a metric's values are split by. */
	public enum Dimension {

		DIRECTORY, INTERFACE, ENDPOINT_GROUP, GROUP

	}

}
