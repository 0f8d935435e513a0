package dev.parley.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.conversations.ConversationFacts;
import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.CustomerData;
import dev.parley.conversations.MessageKind;
import dev.parley.conversations.Side;
import dev.parley.conversations.TimelineEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Conversations and their transcripts' lines as statistics read them, from chat's tables.
 */
@Component
class JdbcConversationFacts implements ConversationFacts {

	private static final int IN_LIMIT = 500;

	private final JdbcClient jdbc;

	JdbcConversationFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Facts> facts(Collection<Long> conversationIds) {
		List<Long> ids = new ArrayList<>(conversationIds);
		List<Facts> found = new ArrayList<>(ids.size());
		for (int from = 0; from < ids.size(); from += IN_LIMIT) {
			found.addAll(this.jdbc
				.sql("SELECT id, channel_id, group_id, created_at, status, assignee_id, left_message_at, rating, "
						+ "rated_at, rating_comment, last_seq, COALESCE(topic_group_id, group_id) AS topic_group_id "
						+ "FROM conversation WHERE id IN (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIMIT)))
				.query(JdbcConversationFacts::facts)
				.list());
		}
		return found;
	}

	@Override
	public List<Line> lines(long conversationId, long afterSeq, int limit) {
		return this.jdbc
			.sql("SELECT seq, sender_kind, sender_id, kind, event_type, event_by, created_at FROM chat_message "
					+ "WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?")
			.params(conversationId, afterSeq, limit)
			.query(JdbcConversationFacts::line)
			.list();
	}

	@Override
	public Map<Long, List<Line>> allLines(Collection<Long> conversationIds) {
		Map<Long, List<Line>> lines = new LinkedHashMap<>();
		List<Long> ids = new ArrayList<>(conversationIds);
		for (int from = 0; from < ids.size(); from += IN_LIMIT) {
			this.jdbc
				.sql("SELECT conversation_id, seq, sender_kind, sender_id, kind, event_type, event_by, created_at "
						+ "FROM chat_message WHERE conversation_id IN (:ids) ORDER BY conversation_id, seq")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIMIT)))
				.query((rs) -> {
					lines.computeIfAbsent(rs.getLong("conversation_id"), (id) -> new ArrayList<>()).add(line(rs, 0));
				});
		}
		return lines;
	}

	@Override
	public Map<Long, String> ratingComments(Collection<Long> conversationIds) {
		Map<Long, String> comments = new LinkedHashMap<>();
		List<Long> ids = new ArrayList<>(conversationIds);
		for (int from = 0; from < ids.size(); from += IN_LIMIT) {
			this.jdbc
				.sql("SELECT id, rating_comment FROM conversation WHERE id IN (:ids) AND rating_comment IS NOT NULL")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIMIT)))
				.query((rs) -> {
					comments.put(rs.getLong(1), rs.getString(2));
				});
		}
		return comments;
	}

	@Override
	public Map<Long, Long> open() {
		Map<Long, Long> open = new LinkedHashMap<>();
		for (ConversationStatus status : List.of(ConversationStatus.WAITING, ConversationStatus.ASSIGNED)) {
			this.jdbc.sql("SELECT id, last_seq FROM conversation WHERE status = ?")
				.param(status.value())
				.query((rs) -> {
					open.put(rs.getLong(1), rs.getLong(2));
				});
		}
		return open;
	}

	@Override
	public List<Long> startedBetween(Instant from, Instant to, long afterId, int limit) {
		return this.jdbc
			.sql("SELECT id FROM conversation WHERE id > ? AND created_at >= ? AND created_at < ? ORDER BY id LIMIT ?")
			.params(afterId, from.toEpochMilli(), to.toEpochMilli(), limit)
			.query(Long.class)
			.list();
	}

	@Override
	public Map<Long, Texts> texts(Collection<Long> conversationIds, boolean withAgents) {
		Map<Long, List<String>> visitor = new LinkedHashMap<>();
		Map<Long, List<String>> agents = new LinkedHashMap<>();
		List<Long> ids = new ArrayList<>(conversationIds);
		String sides = withAgents ? "('visitor', 'agent')" : "('visitor')";
		for (int from = 0; from < ids.size(); from += IN_LIMIT) {
			this.jdbc
				.sql("SELECT conversation_id, sender_kind, body FROM chat_message WHERE conversation_id IN (:ids) "
						+ "AND kind = 'text' AND sender_kind IN " + sides + " ORDER BY conversation_id, seq")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIMIT)))
				.query((rs) -> {
					String body = rs.getString(3);
					if (body == null || body.isBlank() || CustomerData.ERASED.equals(body)) {
						return;
					}
					Map<Long, List<String>> side = "agent".equals(rs.getString(2)) ? agents : visitor;
					side.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(body);
				});
		}
		Map<Long, Texts> texts = new LinkedHashMap<>();
		for (Long id : ids) {
			if (visitor.containsKey(id) || agents.containsKey(id)) {
				texts.put(id, new Texts(visitor.getOrDefault(id, List.of()), agents.getOrDefault(id, List.of())));
			}
		}
		return texts;
	}

	@Override
	public Map<Long, Participants> participants(Collection<Long> conversationIds) {
		Map<Long, Set<String>> names = new LinkedHashMap<>();
		Map<Long, Set<Long>> staff = new LinkedHashMap<>();
		Map<Long, Long> customers = new LinkedHashMap<>();
		List<Long> ids = new ArrayList<>(conversationIds);
		for (int from = 0; from < ids.size(); from += IN_LIMIT) {
			List<Long> page = ids.subList(from, Math.min(ids.size(), from + IN_LIMIT));
			this.jdbc
				.sql("SELECT c.id, c.assignee_id, v.name, v.customer_id FROM conversation c "
						+ "JOIN visitor v ON v.id = c.visitor_id WHERE c.id IN (:ids)")
				.param("ids", page)
				.query((rs) -> {
					long id = rs.getLong(1);
					add(names.computeIfAbsent(id, (k) -> new LinkedHashSet<>()), rs.getString(3));
					Set<Long> people = staff.computeIfAbsent(id, (k) -> new LinkedHashSet<>());
					Long assignee = rs.getObject(2, Long.class);
					if (assignee != null) {
						people.add(assignee);
					}
					customers.put(id, rs.getObject(4, Long.class));
				});
			this.jdbc
				.sql("SELECT DISTINCT conversation_id, sender_kind, sender_id, sender_name, event_from_id, "
						+ "event_from_name FROM chat_message WHERE conversation_id IN (:ids)")
				.param("ids", page)
				.query((rs) -> {
					long id = rs.getLong(1);
					Set<String> of = names.get(id);
					if (of == null) {
						return;
					}
					add(of, rs.getString(4));
					add(of, rs.getString(6));
					Long sender = rs.getObject(3, Long.class);
					if (sender != null && !"visitor".equals(rs.getString(2))) {
						staff.get(id).add(sender);
					}
					Long tookFrom = rs.getObject(5, Long.class);
					if (tookFrom != null) {
						staff.get(id).add(tookFrom);
					}
				});
		}
		Map<Long, Participants> found = new LinkedHashMap<>();
		names.forEach((id, of) -> found.put(id, new Participants(of, customers.get(id), staff.get(id))));
		return found;
	}

	private static void add(Set<String> names, String name) {
		if (name != null && !name.isBlank() && !CustomerData.ERASED.equals(name)) {
			names.add(name.strip());
		}
	}

	private static Facts facts(ResultSet rs, int row) throws SQLException {
		return new Facts(rs.getLong("id"), rs.getLong("channel_id"), rs.getObject("group_id", Long.class),
				Instant.ofEpochMilli(rs.getLong("created_at")), ConversationStatus.of(rs.getString("status")),
				rs.getObject("assignee_id", Long.class), instant(rs, "left_message_at"),
				rs.getObject("rating", Integer.class), instant(rs, "rated_at"), rs.getString("rating_comment") != null,
				rs.getLong("last_seq"), rs.getObject("topic_group_id", Long.class));
	}

	private static Line line(ResultSet rs, int row) throws SQLException {
		String event = rs.getString("event_type");
		return new Line(rs.getLong("seq"), Side.of(rs.getString("sender_kind")), rs.getObject("sender_id", Long.class),
				MessageKind.of(rs.getString("kind")), (event != null) ? TimelineEvent.of(event) : null,
				rs.getString("event_by"), Instant.ofEpochMilli(rs.getLong("created_at")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Long millis = rs.getObject(column, Long.class);
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

}
