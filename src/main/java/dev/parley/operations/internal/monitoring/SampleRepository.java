package dev.parley.operations.internal.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The minute samples of every node ({@code ops_sample}) and their thinned 15-minute slots
 * ({@code ops_sample_slot}). Times are minutes since the epoch.
 */
@Repository
class SampleRepository {

	static final int SLOT_MINUTES = 15;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	SampleRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Writes a node's minute; writing the same minute again replaces it.
	 * @param node the node, "" for the cluster's own figures
	 */
	@Transactional
	public void write(String node, long minute, List<Sample> samples) {
		this.jdbc.sql("DELETE FROM ops_sample WHERE node = ? AND at_minute = ?").params(node, minute).update();
		List<Object[]> rows = new ArrayList<>(samples.size());
		for (Sample sample : samples) {
			rows.add(new Object[] { sample.metric().key(), truncate(sample.dim()), node, minute, sample.value() });
		}
		this.template.batchUpdate("INSERT INTO ops_sample (metric, dim, node, at_minute, val) VALUES (?, ?, ?, ?, ?)",
				rows);
	}

	/** Records that a node wrote samples, with its host. */
	@Transactional
	public void seen(String node, String host, long minute) {
		int updated = this.jdbc.sql("UPDATE ops_node SET last_seen = ?, host = ? WHERE node = ?")
			.params(minute, host, node)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO ops_node (node, host, first_seen, last_seen) VALUES (?, ?, ?, ?)")
				.params(node, host, minute, minute)
				.update();
		}
	}

	/** The nodes that wrote samples in the range, oldest first. */
	List<NodeSeen> nodes(long fromMinute, long toMinute) {
		return this.jdbc
			.sql("SELECT node, host, first_seen, last_seen FROM ops_node WHERE last_seen >= ? AND first_seen <= ?"
					+ " ORDER BY first_seen, node")
			.params(fromMinute, toMinute)
			.query((rs, row) -> new NodeSeen(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/**
	 * The latest values of every node and of the cluster, from the minutes since the
	 * given one.
	 */
	List<Row> latest(long sinceMinute) {
		return this.jdbc.sql("""
				SELECT s.metric, s.dim, s.node, s.at_minute, s.val FROM ops_sample s
				JOIN (SELECT node, MAX(at_minute) AS latest FROM ops_sample WHERE at_minute >= ? GROUP BY node) m
				ON m.node = s.node AND m.latest = s.at_minute
				""").param(sinceMinute).query(SampleRepository::row).list();
	}

	/**
	 * A metric's values in buckets of the given width: per node when node is given, else
	 * aggregated over the nodes (each node's bucket first, then the nodes together).
	 * @param thinned whether to read the 15-minute slots instead of the minutes
	 */
	List<Row> series(Metric metric, String node, long fromMinute, long toMinute, int width, boolean thinned) {
		String table = thinned ? "ops_sample_slot" : "ops_sample";
		String time = thinned ? "slot" : "at_minute";
		String value = thinned ? ((metric.aggregation() == Metric.Aggregation.MAX) ? "max_val" : "avg_val") : "val";
		String inner = (metric.aggregation() == Metric.Aggregation.SUM) ? "AVG" : metric.aggregation().name();
		String bucket = time + " - MOD(" + time + ", " + width + ")";
		if (node != null || metric.cluster()) {
			String nodeFilter = metric.cluster() ? "" : " AND node = ?";
			List<Object> params = new ArrayList<>(List.of(metric.key(), fromMinute, toMinute));
			if (!metric.cluster()) {
				params.add(node);
			}
			return this.jdbc
				.sql("SELECT dim, " + bucket + " AS b, " + inner + "(" + value + ") FROM " + table
						+ " WHERE metric = ? AND " + time + " >= ? AND " + time + " <= ?" + nodeFilter
						+ " GROUP BY dim, b ORDER BY b")
				.params(params)
				.query((rs, row) -> new Row(metric.key(), rs.getString(1), node, rs.getLong(2), rs.getBigDecimal(3)))
				.list();
		}
		return this.jdbc
			.sql("SELECT dim, b, " + metric.aggregation().name() + "(v) FROM (SELECT dim, node, " + bucket + " AS b, "
					+ inner + "(" + value + ") AS v FROM " + table + " WHERE metric = ? AND " + time + " >= ? AND "
					+ time + " <= ? GROUP BY dim, node, b) per_node GROUP BY dim, b ORDER BY b")
			.params(metric.key(), fromMinute, toMinute)
			.query((rs, row) -> new Row(metric.key(), rs.getString(1), null, rs.getLong(2), rs.getBigDecimal(3)))
			.list();
	}

	/**
	 * The values of one metric of one node (or the cluster: "") since a minute, oldest
	 * first, for the alert rules.
	 */
	List<Row> recent(Metric metric, String node, long sinceMinute) {
		return this.jdbc
			.sql("SELECT metric, dim, node, at_minute, val FROM ops_sample WHERE metric = ? AND node = ?"
					+ " AND at_minute >= ? ORDER BY at_minute")
			.params(metric.key(), node, sinceMinute)
			.query(SampleRepository::row)
			.list();
	}

	/** The oldest minute still kept as it is (the newer ones are not thinned yet). */
	java.util.Optional<Long> oldestMinute() {
		return java.util.Optional
			.ofNullable(this.jdbc.sql("SELECT MIN(at_minute) FROM ops_sample").query(Long.class).single());
	}

	/** The nodes (not the cluster) that wrote samples since a minute. */
	List<String> nodesSince(long sinceMinute) {
		return this.jdbc.sql("SELECT DISTINCT node FROM ops_sample WHERE at_minute >= ? AND node <> ''")
			.param(sinceMinute)
			.query(String.class)
			.list();
	}

	/**
	 * Folds the minutes before the cutoff (a slot boundary) into 15-minute slots and
	 * forgets slots before the second cutoff.
	 * @return minute rows folded
	 */
	@Transactional
	public int thin(long minutesBefore, long slotsBefore) {
		this.jdbc.sql("""
				INSERT INTO ops_sample_slot (metric, dim, node, slot, avg_val, max_val)
				SELECT metric, dim, node, at_minute - MOD(at_minute, 15) AS s, AVG(val), MAX(val) FROM ops_sample
				WHERE at_minute < ? GROUP BY metric, dim, node, s
				""").param(minutesBefore).update();
		int folded = this.jdbc.sql("DELETE FROM ops_sample WHERE at_minute < ?").param(minutesBefore).update();
		this.jdbc.sql("DELETE FROM ops_sample_slot WHERE slot < ?").param(slotsBefore).update();
		this.jdbc.sql("DELETE FROM ops_node WHERE last_seen < ?").param(slotsBefore).update();
		return folded;
	}

	private static String truncate(String dim) {
		return (dim.length() > 64) ? dim.substring(0, 64) : dim;
	}

	private static Row row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBigDecimal(5));
	}

	/** One value; node null when it is the cluster's aggregate. */
	record Row(String metric, String dim, String node, long minute, BigDecimal value) {
	}

	record NodeSeen(String node, String host, long firstSeen, long lastSeen) {
	}

}
