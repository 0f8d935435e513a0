package dev.parley.analytics.internal.textmining;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The analysed texts of conversations ({@code mining_document}) and what was found in
 * them ({@code mining_term}): replaced as a whole when a conversation is analysed again.
 */
@Repository
class MiningDocuments {

	static final int IN_LIMIT = 500;

	/** Keywords, phrases and (non-personal) named things. */
	static final char KEYWORD = 'K';

	static final char PHRASE = 'P';

	static final char ENTITY = 'E';

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	MiningDocuments(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/** What a document of the previous release added to the rollup: its keywords. */
	static final int ROLLED_UP_KEYWORDS = 1;

	/** What a document adds to the rollup now: its keywords and phrases. */
	static final int ROLLED_UP_PHRASES = 2;

	/**
	 * A document: one side of a conversation.
	 *
	 * @param groupId 0 for none
	 * @param personal pieces of personal data found and left out
	 * @param rolledUp what it added to the daily rollup ({@link #ROLLED_UP_KEYWORDS} or
	 * {@link #ROLLED_UP_PHRASES})
	 */
	record Document(long conversationId, String side, long startedAt, int startDay, long channelId, long groupId,
			int personal, int rolledUp, List<Term> terms) {

		/**
		 * The terms it adds to the rollup, each once: its keywords, and its phrases
		 * unless the previous release analysed it.
		 */
		Set<String> rolledUpTerms() {
			Set<String> terms = new LinkedHashSet<>();
			this.terms.stream()
				.filter((t) -> t.kind() == KEYWORD || (t.kind() == PHRASE && this.rolledUp >= ROLLED_UP_PHRASES))
				.forEach((t) -> terms.add(t.term()));
			return terms;
		}

	}

	/** A term found: a keyword with its weight, a phrase, or a named thing. */
	record Term(char kind, String term, String entity, double weight) {
	}

	/**
	 * Weights are stored in millionths, as whole numbers: every engine and the portable
	 * backup format keep those exactly.
	 */
	private static final double MILLIONTHS = 1_000_000.0;

	/**
	 * The stored documents of the conversations with their keywords and phrases (no
	 * entities): what they added to the rollup.
	 */
	Map<Long, List<Document>> rolledUp(Collection<Long> conversationIds) {
		Map<Long, List<Document>> found = new HashMap<>();
		Map<String, List<Term>> terms = new HashMap<>();
		List<Long> ids = new ArrayList<>(conversationIds);
		for (int from = 0; from < ids.size(); from += IN_LIMIT) {
			List<Long> page = ids.subList(from, Math.min(ids.size(), from + IN_LIMIT));
			this.jdbc.sql(
					"SELECT conversation_id, side, kind, term, weight FROM mining_term WHERE conversation_id IN (:ids) "
							+ "AND kind IN ('K', 'P')")
				.param("ids", page)
				.query((rs) -> {
					terms.computeIfAbsent(rs.getLong(1) + "/" + rs.getString(2), (k) -> new ArrayList<>())
						.add(new Term(rs.getString(3).charAt(0), rs.getString(4), null, rs.getLong(5) / MILLIONTHS));
				});
			this.jdbc.sql("SELECT * FROM mining_document WHERE conversation_id IN (:ids)")
				.param("ids", page)
				.query((rs) -> {
					long id = rs.getLong("conversation_id");
					String side = rs.getString("side");
					found.computeIfAbsent(id, (k) -> new ArrayList<>())
						.add(new Document(id, side, rs.getLong("started_at"), rs.getInt("start_day"),
								rs.getLong("channel_id"), rs.getLong("group_id"), rs.getInt("personal"),
								rs.getInt("rolled_up"), terms.getOrDefault(id + "/" + side, List.of())));
				});
		}
		return found;
	}

	/** Every term of a conversation's documents, for tests and the contract. */
	List<Term> terms(long conversationId, String side) {
		return this.jdbc
			.sql("SELECT kind, term, entity, weight FROM mining_term WHERE conversation_id = ? AND side = ? "
					+ "ORDER BY kind, weight DESC, term")
			.params(conversationId, side)
			.query((rs, row) -> new Term(rs.getString(1).charAt(0), rs.getString(2), rs.getString(3),
					rs.getLong(4) / MILLIONTHS))
			.list();
	}

	/**
	 * Replaces the conversations' documents and terms with these (none: forgets them).
	 */
	void replace(Collection<Long> conversationIds, List<Document> documents, long now) {
		List<Long> ids = new ArrayList<>(conversationIds);
		for (int from = 0; from < ids.size(); from += IN_LIMIT) {
			List<Long> page = ids.subList(from, Math.min(ids.size(), from + IN_LIMIT));
			this.jdbc.sql("DELETE FROM mining_term WHERE conversation_id IN (:ids)").param("ids", page).update();
			this.jdbc.sql("DELETE FROM mining_document WHERE conversation_id IN (:ids)").param("ids", page).update();
		}
		List<Object[]> docs = new ArrayList<>();
		List<Object[]> terms = new ArrayList<>();
		for (Document d : documents) {
			docs.add(new Object[] { d.conversationId(), d.side(), d.startedAt(), d.startDay(), d.channelId(),
					d.groupId(), d.personal(), d.rolledUp(), now });
			for (Term t : d.terms()) {
				terms.add(new Object[] { d.conversationId(), d.side(), String.valueOf(t.kind()), t.term(), t.entity(),
						Math.round(t.weight() * MILLIONTHS) });
			}
		}
		if (!docs.isEmpty()) {
			this.batches.batchUpdate("INSERT INTO mining_document (conversation_id, side, started_at, start_day, "
					+ "channel_id, group_id, personal, rolled_up, analysed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					docs);
		}
		if (!terms.isEmpty()) {
			this.batches.batchUpdate("INSERT INTO mining_term (conversation_id, side, kind, term, entity, weight) "
					+ "VALUES (?, ?, ?, ?, ?, ?)", terms);
		}
	}

}
