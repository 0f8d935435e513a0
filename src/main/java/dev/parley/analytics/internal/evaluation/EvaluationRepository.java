package dev.parley.analytics.internal.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The checklist's items, the evaluations and their scores, and what the evaluations need
 * to know of a conversation (from the statistics' facts).
 */
@Repository
class EvaluationRepository {

	private static final String ITEM = "SELECT id, name, description, weight, position, enabled FROM evaluation_item";

	private static final String EVALUATION = "SELECT id, conversation_id, agent_id, evaluator_id, group_id, "
			+ "conversation_started_at, total_score, comment_text, created_at, updated_at FROM evaluation e";

	private final JdbcClient jdbc;

	EvaluationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A checklist item as stored. */
	record Item(long id, String name, String description, int weight, int position, boolean enabled) {
	}

	/** An evaluation as stored; {@code total} in hundredths of a point. */
	record Stored(long id, long conversationId, long agentId, long evaluatorId, Long groupId, long startedAt, int total,
			String comment, long createdAt, long updatedAt) {
	}

	/** One item's score ({@code null}: not applicable) and its weight when scored. */
	record Score(long itemId, Integer score, int weight) {
	}

	/** What an evaluation needs of a conversation: its group, start and last agent. */
	record Conversation(long id, Long groupId, long startedAt, Long agentId) {
	}

	List<Item> items() {
		return this.jdbc.sql(ITEM + " ORDER BY position, id").query(EvaluationRepository::item).list();
	}

	Optional<Item> item(long id) {
		return this.jdbc.sql(ITEM + " WHERE id = ?").param(id).query(EvaluationRepository::item).optional();
	}

	long insertItem(Item item, long now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO evaluation_item (name, description, weight, position, enabled, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(item.name(), item.description(), item.weight(), item.position(), item.enabled(), now, now)
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	void updateItem(Item item, long now) {
		this.jdbc
			.sql("UPDATE evaluation_item SET name = ?, description = ?, weight = ?, position = ?, enabled = ?, "
					+ "updated_at = ? WHERE id = ?")
			.params(item.name(), item.description(), item.weight(), item.position(), item.enabled(), now, item.id())
			.update();
	}

	boolean itemUsed(long id) {
		return !this.jdbc.sql("SELECT item_id FROM evaluation_score WHERE item_id = ?")
			.param(id)
			.query(Long.class)
			.list()
			.isEmpty();
	}

	void deleteItem(long id) {
		this.jdbc.sql("DELETE FROM evaluation_item WHERE id = ?").param(id).update();
	}

	/** The conversation as the statistics know it, if they do. */
	Optional<Conversation> conversation(long conversationId) {
		return this.jdbc
			.sql("SELECT conversation_id, group_id, started_at, agent_id FROM analytics_conversation "
					+ "WHERE conversation_id = ?")
			.param(conversationId)
			.query((rs, n) -> new Conversation(rs.getLong(1), rs.getObject(2, Long.class), rs.getLong(3),
					rs.getObject(4, Long.class)))
			.optional();
	}

	/** Whether the agent took part in the conversation. */
	boolean tookPart(long conversationId, long agentId) {
		return !this.jdbc.sql("SELECT agent_id FROM analytics_participation WHERE conversation_id = ? AND agent_id = ?")
			.params(conversationId, agentId)
			.query(Long.class)
			.list()
			.isEmpty();
	}

	Optional<Stored> evaluation(long id) {
		return this.jdbc.sql(EVALUATION + " WHERE id = ?").param(id).query(EvaluationRepository::stored).optional();
	}

	Optional<Long> evaluationOf(long conversationId, long evaluatorId) {
		return this.jdbc.sql("SELECT id FROM evaluation WHERE conversation_id = ? AND evaluator_id = ?")
			.params(conversationId, evaluatorId)
			.query(Long.class)
			.optional();
	}

	long insert(Stored evaluation, List<Score> scores) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO evaluation (conversation_id, agent_id, evaluator_id, group_id, conversation_started_at, "
					+ "total_score, comment_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(evaluation.conversationId(), evaluation.agentId(), evaluation.evaluatorId(), evaluation.groupId(),
					evaluation.startedAt(), evaluation.total(), evaluation.comment(), evaluation.createdAt(),
					evaluation.updatedAt())
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		insertScores(id, scores);
		return id;
	}

	void update(Stored evaluation, List<Score> scores) {
		this.jdbc
			.sql("UPDATE evaluation SET agent_id = ?, group_id = ?, total_score = ?, comment_text = ?, updated_at = ? "
					+ "WHERE id = ?")
			.params(evaluation.agentId(), evaluation.groupId(), evaluation.total(), evaluation.comment(),
					evaluation.updatedAt(), evaluation.id())
			.update();
		this.jdbc.sql("DELETE FROM evaluation_score WHERE evaluation_id = ?").param(evaluation.id()).update();
		insertScores(evaluation.id(), scores);
	}

	private void insertScores(long evaluationId, List<Score> scores) {
		for (Score score : scores) {
			this.jdbc.sql("INSERT INTO evaluation_score (evaluation_id, item_id, score, weight) VALUES (?, ?, ?, ?)")
				.params(evaluationId, score.itemId(), score.score(), score.weight())
				.update();
		}
	}

	/**
	 * A page of evaluations, newest conversation first.
	 * @param filter SQL conditions on {@code e} joined by AND, with named parameters
	 */
	List<Stored> find(List<String> filter, Map<String, Object> params, int limit) {
		StringBuilder sql = new StringBuilder(EVALUATION);
		if (!filter.isEmpty()) {
			sql.append(" WHERE ").append(String.join(" AND ", filter));
		}
		sql.append(" ORDER BY e.conversation_started_at DESC, e.id DESC LIMIT ").append(limit);
		return this.jdbc.sql(sql.toString()).params(params).query(EvaluationRepository::stored).list();
	}

	/** The scores of each evaluation, in the checklist's order, with the items' names. */
	Map<Long, List<EvaluationList.Score>> scores(Collection<Long> evaluationIds) {
		Map<Long, List<EvaluationList.Score>> scores = new LinkedHashMap<>();
		if (evaluationIds.isEmpty()) {
			return scores;
		}
		this.jdbc
			.sql("SELECT s.evaluation_id, s.item_id, i.name, s.weight, s.score FROM evaluation_score s "
					+ "JOIN evaluation_item i ON i.id = s.item_id WHERE s.evaluation_id IN (:ids) "
					+ "ORDER BY i.position, i.id")
			.param("ids", evaluationIds)
			.query((rs) -> {
				scores.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(new EvaluationList.Score(rs.getLong(2), rs.getString(3), rs.getInt(4),
							rs.getObject(5, Integer.class)));
			});
		return scores;
	}

	private static Item item(ResultSet rs, int row) throws SQLException {
		return new Item(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getInt("weight"),
				rs.getInt("position"), rs.getBoolean("enabled"));
	}

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getLong("id"), rs.getLong("conversation_id"), rs.getLong("agent_id"),
				rs.getLong("evaluator_id"), rs.getObject("group_id", Long.class), rs.getLong("conversation_started_at"),
				rs.getInt("total_score"), rs.getString("comment_text"), rs.getLong("created_at"),
				rs.getLong("updated_at"));
	}

}
