package dev.parley.analytics.internal.textmining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily rollup of documents per keyword ({@code mining_day}) and of all documents
 * ({@code mining_day_total}, a key with a null term here). Changes are added to the rows:
 * read, add, then insert, update or delete (a row that drops to 0); the one worker that
 * analyses (a lease) is the only writer, so its transaction is all the locking needed and
 * the SQL stays the same on every database.
 */
@Repository
class MiningDays {

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	MiningDays(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/**
	 * A row's key.
	 *
	 * @param term null for the row of all documents
	 */
	record Key(int day, long channelId, long groupId, String side, String term) {
	}

	/** Adds the changes (documents more or fewer) to their rows. */
	void apply(Map<Key, Long> changes) {
		Map<Key, Long> terms = new LinkedHashMap<>();
		Map<Key, Long> totals = new LinkedHashMap<>();
		changes.forEach((key, change) -> {
			if (change != 0) {
				((key.term() != null) ? terms : totals).put(key, change);
			}
		});
		if (!terms.isEmpty()) {
			write(terms, read(terms, true), "mining_day", true);
		}
		if (!totals.isEmpty()) {
			write(totals, read(totals, false), "mining_day_total", false);
		}
	}

	private Map<Key, Long> read(Map<Key, Long> changes, boolean withTerm) {
		Set<Integer> days = new TreeSet<>();
		Set<String> terms = new TreeSet<>();
		changes.keySet().forEach((k) -> {
			days.add(k.day());
			if (withTerm) {
				terms.add(k.term());
			}
		});
		Map<Key, Long> stored = new HashMap<>();
		if (!withTerm) {
			this.jdbc.sql("SELECT * FROM mining_day_total WHERE start_day IN (:days)")
				.param("days", days)
				.query((rs) -> {
					stored.put(new Key(rs.getInt("start_day"), rs.getLong("channel_id"), rs.getLong("group_id"),
							rs.getString("side"), null), rs.getLong("documents"));
				});
			return stored;
		}
		List<String> all = new ArrayList<>(terms);
		for (int from = 0; from < all.size(); from += MiningDocuments.IN_LIMIT) {
			this.jdbc.sql("SELECT * FROM mining_day WHERE start_day IN (:days) AND term IN (:terms)")
				.param("days", days)
				.param("terms", all.subList(from, Math.min(all.size(), from + MiningDocuments.IN_LIMIT)))
				.query((rs) -> {
					stored.put(new Key(rs.getInt("start_day"), rs.getLong("channel_id"), rs.getLong("group_id"),
							rs.getString("side"), rs.getString("term")), rs.getLong("documents"));
				});
		}
		return stored;
	}

	private void write(Map<Key, Long> changes, Map<Key, Long> stored, String table, boolean withTerm) {
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> deletes = new ArrayList<>();
		changes.forEach((key, change) -> {
			Long before = stored.get(key);
			long after = ((before != null) ? before : 0) + change;
			List<Object> where = new ArrayList<>(List.of(key.day(), key.channelId(), key.groupId(), key.side()));
			if (withTerm) {
				where.add(key.term());
			}
			if (after <= 0) {
				if (before != null) {
					deletes.add(where.toArray());
				}
			}
			else if (before != null) {
				List<Object> update = new ArrayList<>(List.of(after));
				update.addAll(where);
				updates.add(update.toArray());
			}
			else {
				where.add(after);
				inserts.add(where.toArray());
			}
		});
		String keyColumns = "start_day, channel_id, group_id, side" + (withTerm ? ", term" : "");
		String whereKey = " WHERE start_day = ? AND channel_id = ? AND group_id = ? AND side = ?"
				+ (withTerm ? " AND term = ?" : "");
		if (!inserts.isEmpty()) {
			this.batches.batchUpdate("INSERT INTO " + table + " (" + keyColumns + ", documents) VALUES (?, ?, ?, ?"
					+ (withTerm ? ", ?" : "") + ", ?)", inserts);
		}
		if (!updates.isEmpty()) {
			this.batches.batchUpdate("UPDATE " + table + " SET documents = ?" + whereKey, updates);
		}
		if (!deletes.isEmpty()) {
			this.batches.batchUpdate("DELETE FROM " + table + whereKey, deletes);
		}
	}

}
