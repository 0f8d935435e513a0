package dev.parley.platform.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code cluster_node}: one per node, stamped on every heartbeat, carrying
 * the maintenance generation the node confirmed last.
 */
@Repository
class ClusterNodeRepository {

	private final JdbcClient jdbc;

	ClusterNodeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A row. */
	record NodeRow(String id, String host, String version, Instant startedAt, Instant lastSeen, long maintenanceAck) {
	}

	private static final RowMapper<NodeRow> ROW = (rs, n) -> new NodeRow(rs.getString("id"), rs.getString("host"),
			rs.getString("version"), Instant.ofEpochMilli(rs.getLong("started_at")),
			Instant.ofEpochMilli(rs.getLong("last_seen")), rs.getLong("maintenance_ack"));

	private static final String COLUMNS = "id, host, version, started_at, last_seen, maintenance_ack";

	/** Records a node, or stamps it when its row exists (e.g. deleted and back again). */
	void heartbeat(String id, String host, String version, Instant startedAt, Instant now) {
		int stamped = this.jdbc.sql("UPDATE cluster_node SET last_seen = ? WHERE id = ?")
			.params(now.toEpochMilli(), id)
			.update();
		if (stamped == 0) {
			this.jdbc.sql("INSERT INTO cluster_node (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 0)")
				.params(id, truncate(host, 255), truncate(version, 64), startedAt.toEpochMilli(), now.toEpochMilli())
				.update();
		}
	}

	/** Records that the node is quiet in the given maintenance generation. */
	void acknowledge(String id, long generation) {
		this.jdbc.sql("UPDATE cluster_node SET maintenance_ack = ? WHERE id = ? AND maintenance_ack < ?")
			.params(generation, id, generation)
			.update();
	}

	/**
	 * @return the nodes seen since the instant, oldest first
	 */
	List<NodeRow> seenSince(Instant since) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM cluster_node WHERE last_seen >= ? ORDER BY started_at, id")
			.param(since.toEpochMilli())
			.query(ROW)
			.list();
	}

	Optional<NodeRow> find(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM cluster_node WHERE id = ?").param(id).query(ROW).optional();
	}

	/** A node that stops says so, so that nobody waits for it. */
	void remove(String id) {
		this.jdbc.sql("DELETE FROM cluster_node WHERE id = ?").param(id).update();
	}

	/**
	 * @return how many rows of nodes unseen since the instant were deleted
	 */
	int forgetUnseenSince(Instant before) {
		return this.jdbc.sql("DELETE FROM cluster_node WHERE last_seen < ?").param(before.toEpochMilli()).update();
	}

	private static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max);
	}

}
