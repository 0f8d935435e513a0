package dev.parley.analytics.internal.textmining;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads text mining's figures: documents per keyword from the rollup (or, for an agent
 * who sees only his own conversations, from the documents), per day for trends, and the
 * documents themselves for examples, clusters and associations.
 */
@Repository
class MiningQueries {

	/** The documents with their keywords and phrases: what the rollup counts. */
	private static final String JOIN = "FROM mining_document d JOIN mining_term t ON t.conversation_id = "
			+ "d.conversation_id AND t.side = d.side AND t.kind IN ('K', 'P') WHERE ";

	/** The documents with the named things found in them. */
	private static final String ENTITY_JOIN = "FROM mining_document d JOIN mining_term t ON t.conversation_id = "
			+ "d.conversation_id AND t.side = d.side AND t.kind = 'E' WHERE ";

	private final JdbcClient jdbc;

	MiningQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Documents with each keyword or phrase, and all documents. */
	record Counts(Map<String, Integer> byTerm, int documents) {
	}

	Counts counts(MiningFilter filter) {
		if (filter.nothing()) {
			return new Counts(Map.of(), 0);
		}
		Map<String, Object> params = new HashMap<>();
		Map<String, Integer> byTerm = new HashMap<>();
		String sql;
		String total;
		if (filter.rollup()) {
			String where = filter.rollupWhere(params);
			sql = "SELECT term, SUM(documents) FROM mining_day WHERE " + where + " GROUP BY term";
			total = "SELECT COALESCE(SUM(documents), 0) FROM mining_day_total WHERE " + where;
		}
		else {
			String where = filter.documentWhere(params);
			sql = "SELECT t.term, COUNT(DISTINCT d.conversation_id) " + JOIN + where + " GROUP BY t.term";
			total = "SELECT COUNT(DISTINCT d.conversation_id) FROM mining_document d WHERE " + where;
		}
		this.jdbc.sql(sql).params(params).query((rs) -> {
			byTerm.put(rs.getString(1), rs.getInt(2));
		});
		int documents = this.jdbc.sql(total).params(params).query(Integer.class).single();
		return new Counts(byTerm, documents);
	}

	/**
	 * Documents per day (yyyymmdd) with each of the terms; the key null holds all
	 * documents of the day.
	 */
	Map<Integer, Map<String, Integer>> daily(MiningFilter filter, Collection<String> terms) {
		Map<Integer, Map<String, Integer>> days = new HashMap<>();
		if (filter.nothing()) {
			return days;
		}
		Map<String, Object> params = new HashMap<>();
		String sql;
		String total;
		if (filter.rollup()) {
			String where = filter.rollupWhere(params);
			sql = "SELECT start_day, term, SUM(documents) FROM mining_day WHERE " + where
					+ " AND term IN (:terms) GROUP BY start_day, term";
			total = "SELECT start_day, SUM(documents) FROM mining_day_total WHERE " + where + " GROUP BY start_day";
		}
		else {
			String where = filter.documentWhere(params);
			sql = "SELECT d.start_day, t.term, COUNT(DISTINCT d.conversation_id) " + JOIN + where
					+ " AND t.term IN (:terms) GROUP BY d.start_day, t.term";
			total = "SELECT d.start_day, COUNT(DISTINCT d.conversation_id) FROM mining_document d WHERE " + where
					+ " GROUP BY d.start_day";
		}
		params.put("terms", List.copyOf(terms));
		this.jdbc.sql(sql).params(params).query((rs) -> {
			days.computeIfAbsent(rs.getInt(1), (d) -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
		});
		this.jdbc.sql(total).params(params).query((rs) -> {
			days.computeIfAbsent(rs.getInt(1), (d) -> new HashMap<>()).put(null, rs.getInt(2));
		});
		return days;
	}

	/** A conversation with a keyword, newest first. */
	record Found(long conversationId, long startedAt, long channelId, long groupId) {
	}

	List<Found> withTerm(MiningFilter filter, String term, int limit) {
		return with(filter, JOIN, term, null, limit);
	}

	/** A conversation with a named thing of a kind, newest first. */
	List<Found> withEntity(MiningFilter filter, String entity, String text, int limit) {
		return with(filter, ENTITY_JOIN, text, entity, limit);
	}

	private List<Found> with(MiningFilter filter, String join, String term, String entity, int limit) {
		if (filter.nothing()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		String where = filter.documentWhere(params);
		params.put("term", term);
		if (entity != null) {
			params.put("entity", entity);
		}
		return this.jdbc
			.sql("SELECT DISTINCT d.conversation_id, d.started_at, d.channel_id, d.group_id " + join + where
					+ " AND t.term = :term" + ((entity != null) ? " AND t.entity = :entity" : "")
					+ " ORDER BY d.started_at DESC, d.conversation_id DESC LIMIT " + limit)
			.params(params)
			.query((rs, row) -> new Found(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/** A named thing of a kind and the conversations it was found in. */
	record EntityCount(String entity, String text, int documents) {
	}

	/**
	 * The named things of the period with the conversations each was found in, most
	 * first, at most {@code limit} of each kind.
	 */
	List<EntityCount> entities(MiningFilter filter, Collection<String> kinds, int limit) {
		if (filter.nothing()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		String where = filter.documentWhere(params);
		params.put("kinds", List.copyOf(kinds));
		Map<String, List<EntityCount>> byKind = new LinkedHashMap<>();
		kinds.forEach((k) -> byKind.put(k, new ArrayList<>()));
		this.jdbc
			.sql("SELECT t.entity, t.term, COUNT(DISTINCT d.conversation_id) AS n " + ENTITY_JOIN + where
					+ " AND t.entity IN (:kinds) GROUP BY t.entity, t.term ORDER BY n DESC, t.term")
			.params(params)
			.query((rs) -> {
				List<EntityCount> of = byKind.get(rs.getString(1));
				if (of != null && of.size() < limit) {
					of.add(new EntityCount(rs.getString(1), rs.getString(2), rs.getInt(3)));
				}
			});
		List<EntityCount> all = new ArrayList<>();
		byKind.values().forEach(all::addAll);
		return all;
	}

	/**
	 * Personal data found and left out: the conversations with any, and how many pieces.
	 */
	record Personal(int documents, long pieces) {
	}

	Personal personal(MiningFilter filter) {
		if (filter.nothing()) {
			return new Personal(0, 0);
		}
		Map<String, Object> params = new HashMap<>();
		String where = filter.documentWhere(params);
		return this.jdbc
			.sql("SELECT COUNT(DISTINCT d.conversation_id), COALESCE(SUM(d.personal), 0) FROM mining_document d WHERE "
					+ where + " AND d.personal > 0")
			.params(params)
			.query((rs, row) -> new Personal(rs.getInt(1), rs.getLong(2)))
			.single();
	}

	/** The keywords of the latest documents (at most {@code cap} conversations). */
	List<Set<String>> latest(MiningFilter filter, int cap) {
		if (filter.nothing()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		String where = filter.documentWhere(params);
		List<Long> ids = this.jdbc
			.sql("SELECT DISTINCT d.conversation_id, d.started_at FROM mining_document d WHERE " + where
					+ " ORDER BY d.started_at DESC, d.conversation_id DESC LIMIT " + cap)
			.params(params)
			.query((rs, row) -> rs.getLong(1))
			.list();
		Map<Long, Set<String>> terms = new LinkedHashMap<>();
		ids.forEach((id) -> terms.put(id, new LinkedHashSet<>()));
		for (int from = 0; from < ids.size(); from += MiningDocuments.IN_LIMIT) {
			this.jdbc
				.sql("SELECT conversation_id, term FROM mining_term WHERE conversation_id IN (:ids) AND kind = 'K' "
						+ "AND side IN (:sides)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + MiningDocuments.IN_LIMIT)))
				.param("sides", filter.side().stored())
				.query((rs) -> {
					terms.get(rs.getLong(1)).add(rs.getString(2));
				});
		}
		return new ArrayList<>(terms.values());
	}

}
