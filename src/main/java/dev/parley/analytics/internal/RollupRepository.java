package dev.parley.analytics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of totals ({@link Rollup}): changes added to them, and ranges of them read
 * back. Every change comes from the one worker that folds conversations (a lease), so
 * read, add and write need no more locking than its transaction.
 */
@Repository
class RollupRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	RollupRepository(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/**
	 * Adds the changes to their rows: new rows inserted, rows that become zero deleted.
	 */
	void apply(Map<Tally.Key, Tally> changes) {
		Map<Rollup, Map<Character, Set<Integer>>> periods = new LinkedHashMap<>();
		changes.forEach((key, tally) -> {
			if (!tally.isZero()) {
				periods.computeIfAbsent(key.rollup(), (r) -> new HashMap<>())
					.computeIfAbsent(key.grain(), (g) -> new TreeSet<>())
					.add(key.period());
			}
		});
		periods.forEach((rollup, byGrain) -> byGrain.forEach((grain, ps) -> {
			Map<Tally.Key, Tally> stored = read(rollup, grain, ps, true);
			List<Object[]> inserts = new ArrayList<>();
			List<Object[]> updates = new ArrayList<>();
			List<Object[]> deletes = new ArrayList<>();
			changes.forEach((key, change) -> {
				if (key.rollup() != rollup || key.grain() != grain || change.isZero()) {
					return;
				}
				Tally row = stored.get(key);
				boolean exists = row != null;
				if (!exists) {
					row = new Tally();
				}
				row.add(change, 1);
				Object[] where = { String.valueOf(key.grain()), key.period(), key.dimension(), key.groupId() };
				if (row.isZero()) {
					if (exists) {
						deletes.add(where);
					}
				}
				else if (exists) {
					updates.add(concat(values(rollup, row), where));
				}
				else {
					inserts.add(concat(where, values(rollup, row)));
				}
			});
			String keyColumns = "grain, period, " + rollup.dimension + ", group_id";
			String whereKey = " WHERE grain = ? AND period = ? AND " + rollup.dimension + " = ? AND group_id = ?";
			List<String> columns = valueColumns(rollup);
			if (!inserts.isEmpty()) {
				this.batches.batchUpdate(
						"INSERT INTO " + rollup.table + " (" + keyColumns + ", " + String.join(", ", columns)
								+ ") VALUES (" + String.join(", ", Collections.nCopies(columns.size() + 4, "?")) + ")",
						inserts);
			}
			if (!updates.isEmpty()) {
				this.batches.batchUpdate(
						"UPDATE " + rollup.table + " SET "
								+ columns.stream().map((c) -> c + " = ?").collect(Collectors.joining(", ")) + whereKey,
						updates);
			}
			if (!deletes.isEmpty()) {
				this.batches.batchUpdate("DELETE FROM " + rollup.table + whereKey, deletes);
			}
		}));
	}

	/** Every row of the periods, with both histograms of every metric. */
	Map<Tally.Key, Tally> read(Rollup rollup, char grain, Collection<Integer> periods, boolean forUpdate) {
		Map<Tally.Key, Tally> rows = new HashMap<>();
		this.jdbc
			.sql("SELECT * FROM " + rollup.table + " WHERE grain = :grain AND period IN (:periods)"
					+ (forUpdate ? " FOR UPDATE" : ""))
			.param("grain", String.valueOf(grain))
			.param("periods", periods)
			.query((rs) -> {
				Tally.Key key = new Tally.Key(rollup, grain, rs.getInt("period"), rs.getLong(rollup.dimension),
						rs.getLong("group_id"));
				rows.put(key, tally(rollup, rs, null));
			});
		return rows;
	}

	/** Deletes every row of totals (a rebuild starts over). */
	void deleteAll() {
		for (Rollup rollup : Rollup.values()) {
			this.jdbc.sql("DELETE FROM " + rollup.table).update();
		}
	}

	/**
	 * Reads the row's counters and metrics; {@code business} null reads both histograms,
	 * else only the calendar or business one.
	 */
	static Tally tally(Rollup rollup, ResultSet rs, Boolean business) throws SQLException {
		Tally tally = new Tally();
		for (Counter counter : rollup.counters) {
			tally.count(counter, rs.getLong(counter.column()));
		}
		for (Metric metric : rollup.metrics) {
			Samples samples = tally.samples(metric);
			samples.n = rs.getLong(metric.column() + "_n");
			samples.sumMs = rs.getLong(metric.column() + "_sum");
			samples.sumBhMs = rs.getLong(metric.column() + "_sum_bh");
			if (business == null || !business) {
				samples.histogram.addEncoded(rs.getString(metric.column() + "_hist"), 1);
			}
			if (business == null || business) {
				samples.histogramBh.addEncoded(rs.getString(metric.column() + "_hist_bh"), 1);
			}
		}
		return tally;
	}

	private static List<String> valueColumns(Rollup rollup) {
		List<String> columns = new ArrayList<>();
		rollup.counters.forEach((c) -> columns.add(c.column()));
		for (Metric metric : rollup.metrics) {
			for (String suffix : List.of("_n", "_sum", "_sum_bh", "_hist", "_hist_bh")) {
				columns.add(metric.column() + suffix);
			}
		}
		return columns;
	}

	private static Object[] values(Rollup rollup, Tally row) {
		List<Object> values = new ArrayList<>();
		rollup.counters.forEach((c) -> values.add(row.get(c)));
		for (Metric metric : rollup.metrics) {
			Samples s = row.samples(metric);
			values.add(s.n);
			values.add(s.sumMs);
			values.add(s.sumBhMs);
			values.add(s.histogram.encode());
			values.add(s.histogramBh.encode());
		}
		return values.toArray();
	}

	private static Object[] concat(Object[] a, Object[] b) {
		Object[] both = new Object[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
