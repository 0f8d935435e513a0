package dev.parley.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parley.platform.LikePattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Conversations. Lists page by keyset (a sort value and the id of the last row seen),
 * never by OFFSET; every list has an index that starts with its filter and sort columns.
 */
@Repository
public class ConversationRepository {

	static final String COLUMNS = "c.id, c.channel_id, c.visitor_id, c.status, c.assignee_id, c.question, c.page_url, "
			+ "c.referrer, c.user_agent, c.ip, c.language, c.created_at, c.assigned_at, c.closed_at, c.closed_by, "
			+ "c.last_message_at, c.last_message_preview, c.last_seq, c.agent_read_seq, c.visitor_read_seq, c.rating, "
			+ "c.rating_comment, c.rated_at, c.group_id, c.left_message_at";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ConversationRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** A page of conversations and the cursor of the next page, if any. */
	public record Page(List<Conversation> items, String nextCursor) {
	}

	/** Where a keyset page starts: after this sort value and id. */
	record Cursor(long value, long id) {

		static Cursor parse(String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			String[] parts = text.split("\\.");
			try {
				if (parts.length == 2) {
					return new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
				}
			}
			catch (NumberFormatException ex) {
				// fall through
			}
			throw dev.parley.platform.ApiException.badRequest("validation_failed", "after: not a cursor of this list");
		}

		String format() {
			return this.value + "." + this.id;
		}

	}

	long insert(Conversation conversation) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO conversation (channel_id, visitor_id, status, question, page_url, referrer, user_agent, ip, "
					+ "language, created_at, last_message_at, last_seq, agent_read_seq, visitor_read_seq, group_id, "
					+ "left_message_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?)")
			.params(conversation.channelId(), conversation.visitorId(), conversation.status(), conversation.question(),
					conversation.pageUrl(), conversation.referrer(), conversation.userAgent(), conversation.ip(),
					conversation.language(), conversation.createdAt().toEpochMilli(),
					conversation.lastMessageAt().toEpochMilli(), conversation.groupId(),
					(conversation.leftMessageAt() != null) ? conversation.leftMessageAt().toEpochMilli() : null)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public Optional<Conversation> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM conversation c WHERE c.id = ?")
			.param(id)
			.query(ConversationRepository::map)
			.optional();
	}

	/** Reads the conversation and locks its row until the transaction ends. */
	Optional<Conversation> lock(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM conversation c WHERE c.id = ? FOR UPDATE")
			.param(id)
			.query(ConversationRepository::map)
			.optional();
	}

	/**
	 * Reads the conversations and locks their rows, in id order, until the transaction
	 * ends.
	 */
	Map<Long, Conversation> lockAll(Collection<Long> ids) {
		Map<Long, Conversation> locked = new HashMap<>();
		if (ids.size() == 1) {
			lock(ids.iterator().next()).ifPresent((c) -> locked.put(c.id(), c));
			return locked;
		}
		this.jdbc.sql("SELECT " + COLUMNS + " FROM conversation c WHERE c.id IN (:ids) ORDER BY c.id FOR UPDATE")
			.param("ids", ids)
			.query(ConversationRepository::map)
			.list()
			.forEach((c) -> locked.put(c.id(), c));
		return locked;
	}

	public Optional<Conversation> findOpenForVisitor(long visitorId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM conversation c WHERE c.visitor_id = ? AND c.status <> 'closed' "
					+ "ORDER BY c.created_at DESC, c.id DESC LIMIT 1")
			.param(visitorId)
			.query(ConversationRepository::map)
			.optional();
	}

	Optional<Conversation> findLatestForVisitor(long visitorId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM conversation c WHERE c.visitor_id = ? "
					+ "ORDER BY c.created_at DESC, c.id DESC LIMIT 1")
			.param(visitorId)
			.query(ConversationRepository::map)
			.optional();
	}

	List<Conversation> findByVisitor(long visitorId, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM conversation c WHERE c.visitor_id = ? "
					+ "ORDER BY c.created_at DESC, c.id DESC LIMIT ?")
			.params(visitorId, limit)
			.query(ConversationRepository::map)
			.list();
	}

	/**
	 * What a batch appended to one conversation: its last message, and how far each side
	 * has read by writing (writing is reading).
	 */
	static final class AppendMark {

		private final long conversationId;

		private long lastSeq;

		private Instant at;

		private String preview;

		private long visitorRead;

		private long agentRead;

		AppendMark(long conversationId) {
			this.conversationId = conversationId;
		}

		void add(long seq, Instant at, String preview, String senderKind) {
			this.lastSeq = seq;
			this.at = at;
			this.preview = preview;
			if (Message.VISITOR.equals(senderKind)) {
				this.visitorRead = seq;
			}
			else if (Message.AGENT.equals(senderKind)) {
				this.agentRead = seq;
			}
		}

	}

	/**
	 * Records what batches appended: last message, preview, read marks; one batch update.
	 */
	void recordAppends(Collection<AppendMark> marks) {
		if (marks.isEmpty()) {
			return;
		}
		this.template
			.batchUpdate("UPDATE conversation SET last_seq = ?, last_message_at = ?, last_message_preview = ?, "
					+ "visitor_read_seq = GREATEST(visitor_read_seq, ?), agent_read_seq = GREATEST(agent_read_seq, ?) "
					+ "WHERE id = ?",
					marks.stream()
						.map((m) -> new Object[] { m.lastSeq, m.at.toEpochMilli(), m.preview, m.visitorRead,
								m.agentRead, m.conversationId })
						.toList());
	}

	void recordSeq(long id, long seq) {
		this.jdbc.sql("UPDATE conversation SET last_seq = ? WHERE id = ?").params(seq, id).update();
	}

	/**
	 * Assigns a waiting conversation; a compare-and-set, so of two agents (on any nodes)
	 * taking it at once exactly one succeeds.
	 * @return whether this call assigned it
	 */
	boolean assignIfWaiting(long id, long userId, Instant at) {
		return this.jdbc
			.sql("UPDATE conversation SET status = 'assigned', assignee_id = ?, assigned_at = ? "
					+ "WHERE id = ? AND status = 'waiting'")
			.params(userId, at.toEpochMilli(), id)
			.update() == 1;
	}

	void assignTo(long id, long userId, Instant at) {
		this.jdbc.sql("UPDATE conversation SET status = 'assigned', assignee_id = ?, assigned_at = ? WHERE id = ?")
			.params(userId, at.toEpochMilli(), id)
			.update();
	}

	void requeue(long id, long groupId) {
		this.jdbc
			.sql("UPDATE conversation SET status = 'waiting', assignee_id = NULL, assigned_at = NULL, group_id = ? "
					+ "WHERE id = ?")
			.params(groupId, id)
			.update();
	}

	void close(long id, Instant at, String by) {
		this.jdbc.sql("UPDATE conversation SET status = 'closed', closed_at = ?, closed_by = ? WHERE id = ?")
			.params(at.toEpochMilli(), by, id)
			.update();
	}

	void reopen(long id, String status) {
		this.jdbc.sql("UPDATE conversation SET status = ?, closed_at = NULL, closed_by = NULL WHERE id = ?")
			.params(status, id)
			.update();
	}

	/** Moves a read mark forward only. */
	boolean markRead(long id, String side, long seq) {
		String column = Message.VISITOR.equals(side) ? "visitor_read_seq" : "agent_read_seq";
		return this.jdbc
			.sql("UPDATE conversation SET " + column + " = ? WHERE id = ? AND " + column + " < ? AND last_seq >= ?")
			.params(seq, id, seq, seq)
			.update() == 1;
	}

	boolean rate(long id, int score, String comment, Instant at) {
		return this.jdbc
			.sql("UPDATE conversation SET rating = ?, rating_comment = ?, rated_at = ? "
					+ "WHERE id = ? AND status = 'closed' AND rating IS NULL")
			.params(score, comment, at.toEpochMilli(), id)
			.update() == 1;
	}

	List<Long> findInactive(Instant before, int limit) {
		return this.jdbc
			.sql("SELECT c.id FROM conversation c WHERE (c.status = 'assigned' OR (c.status = 'waiting' "
					+ "AND c.left_message_at IS NULL)) AND c.last_message_at < ? "
					+ "ORDER BY c.last_message_at, c.id LIMIT ?")
			.params(before.toEpochMilli(), limit)
			.query(Long.class)
			.list();
	}

	/** The queue of one group (or of conversations in no group), oldest first. */
	public List<Conversation> waitingIn(Long groupId, int limit) {
		String filter = (groupId != null) ? "c.group_id = ?" : "c.group_id IS NULL";
		List<Object> params = new ArrayList<>();
		if (groupId != null) {
			params.add(groupId);
		}
		params.add(limit);
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM conversation c WHERE " + filter + " AND c.status = 'waiting' "
					+ "AND c.left_message_at IS NULL ORDER BY c.created_at, c.id LIMIT ?")
			.params(params)
			.query(ConversationRepository::map)
			.list();
	}

	/** Marks a waiting conversation as a message left for later (a compare-and-set). */
	boolean markLeftMessage(long id, Instant at) {
		return this.jdbc
			.sql("UPDATE conversation SET left_message_at = ? WHERE id = ? AND status = 'waiting' "
					+ "AND left_message_at IS NULL")
			.params(at.toEpochMilli(), id)
			.update() == 1;
	}

	void placeInGroup(long id, Long groupId) {
		this.jdbc.sql("UPDATE conversation SET group_id = ? WHERE id = ?").params(groupId, id).update();
	}

	public java.util.Map<Long, Integer> openCounts(java.util.Collection<Long> agentIds) {
		java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
		for (Long agent : agentIds) {
			counts.put(agent, 0);
		}
		if (agentIds.isEmpty()) {
			return counts;
		}
		String marks = String.join(", ", java.util.Collections.nCopies(agentIds.size(), "?"));
		this.jdbc
			.sql("SELECT assignee_id, COUNT(*) FROM conversation WHERE status = 'assigned' AND assignee_id IN (" + marks
					+ ") GROUP BY assignee_id")
			.params(new ArrayList<>(agentIds))
			.query((rs) -> {
				counts.put(rs.getLong(1), rs.getInt(2));
			});
		return counts;
	}

	public List<dev.parley.conversations.ConversationQueue.QueueStats> queueStats() {
		return this.jdbc
			.sql("SELECT group_id, COUNT(*), MIN(created_at) FROM conversation WHERE status = 'waiting' "
					+ "AND left_message_at IS NULL GROUP BY group_id")
			.query((rs, row) -> new dev.parley.conversations.ConversationQueue.QueueStats(rs.getObject(1, Long.class),
					rs.getInt(2), Instant.ofEpochMilli(rs.getLong(3))))
			.list();
	}

	/** How many of the same queue are ahead of this waiting conversation. */
	int ahead(Conversation c) {
		String group = (c.groupId() != null) ? "c.group_id = ?" : "c.group_id IS NULL";
		List<Object> params = new ArrayList<>();
		if (c.groupId() != null) {
			params.add(c.groupId());
		}
		params.add(c.createdAt().toEpochMilli());
		params.add(c.createdAt().toEpochMilli());
		params.add(c.id());
		return this.jdbc
			.sql("SELECT COUNT(*) FROM conversation c WHERE " + group + " AND c.status = 'waiting' AND "
					+ "c.left_message_at IS NULL AND (c.created_at < ? OR (c.created_at = ? AND c.id < ?))")
			.params(params)
			.query(Integer.class)
			.single();
	}

	/**
	 * Average seconds from arrival to assignment of the queue's last 20 assigned
	 * conversations.
	 */
	java.util.OptionalDouble recentWaitSeconds(Long groupId) {
		String group = (groupId != null) ? "c.group_id = ?" : "c.group_id IS NULL";
		List<Object> params = new ArrayList<>();
		if (groupId != null) {
			params.add(groupId);
		}
		return this.jdbc
			.sql("SELECT c.assigned_at - c.created_at FROM conversation c WHERE " + group
					+ " AND c.assigned_at IS NOT NULL ORDER BY c.assigned_at DESC LIMIT 20")
			.params(params)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.average()
			.stream()
			.map((millis) -> millis / 1000.0)
			.findFirst();
	}

	List<dev.parley.conversations.ConversationQueue.Requeued> unanswered(Instant before, int limit) {
		return this.jdbc
			.sql("SELECT c.id, c.assignee_id FROM conversation c WHERE c.status = 'assigned' AND c.assigned_at < ? "
					+ "AND c.left_message_at IS NULL AND NOT EXISTS "
					+ "(SELECT 1 FROM chat_message m WHERE m.conversation_id = c.id AND m.sender_kind = 'agent' "
					+ "AND m.created_at >= c.assigned_at) ORDER BY c.assigned_at, c.id LIMIT ?")
			.params(before.toEpochMilli(), limit)
			.query((rs, row) -> new dev.parley.conversations.ConversationQueue.Requeued(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	/**
	 * Back into its queue, if it is still assigned and unanswered since {@code before}.
	 */
	boolean requeueIfAssignedBefore(long id, Instant before) {
		return this.jdbc
			.sql("UPDATE conversation SET status = 'waiting', assignee_id = NULL, assigned_at = NULL "
					+ "WHERE id = ? AND status = 'assigned' AND assigned_at < ?")
			.params(id, before.toEpochMilli())
			.update() == 1;
	}

	/** Everything assigned and not closed, most recently active first. */
	public List<Conversation> inProgress(int limit) {
		return open(null, null, limit).items();
	}

	/** An agent's open conversations, most recently active first. */
	public List<Conversation> openOf(long assigneeId, int limit) {
		return open(assigneeId, null, limit).items();
	}

	/** The queue, oldest first. */
	Page waiting(Cursor after, int limit) {
		return page("c.status = 'waiting'", List.of(), "c.created_at", true, after, limit);
	}

	/** Open conversations, most recently active first; of one agent, or of everyone. */
	Page open(Long assigneeId, Cursor after, int limit) {
		if (assigneeId != null) {
			return page("c.assignee_id = ? AND c.status = 'assigned'", List.of(assigneeId), "c.last_message_at", false,
					after, limit);
		}
		return page("c.status = 'assigned'", List.of(), "c.last_message_at", false, after, limit);
	}

	/** Closed conversations, most recently closed first; of one agent, or of everyone. */
	Page closed(Long assigneeId, Cursor after, int limit) {
		if (assigneeId != null) {
			return page("c.assignee_id = ? AND c.status = 'closed'", List.of(assigneeId), "c.closed_at", false, after,
					limit);
		}
		return page("c.status = 'closed'", List.of(), "c.closed_at", false, after, limit);
	}

	/**
	 * Transcript search: by message text, channel, agent and creation time, newest first.
	 */
	Page search(String text, Long channelId, Long agentId, Instant from, Instant to, Cursor after, int limit) {
		StringBuilder where = new StringBuilder("1 = 1");
		List<Object> params = new ArrayList<>();
		if (channelId != null) {
			where.append(" AND c.channel_id = ?");
			params.add(channelId);
		}
		if (agentId != null) {
			where.append(" AND c.assignee_id = ?");
			params.add(agentId);
		}
		if (from != null) {
			where.append(" AND c.created_at >= ?");
			params.add(from.toEpochMilli());
		}
		if (to != null) {
			where.append(" AND c.created_at < ?");
			params.add(to.toEpochMilli());
		}
		if (text != null && !text.isBlank()) {
			where.append(" AND EXISTS (SELECT 1 FROM chat_message m WHERE m.conversation_id = c.id "
					+ "AND LOWER(m.body) LIKE ? ESCAPE '!')");
			params.add(LikePattern.contains(text.strip().toLowerCase(java.util.Locale.ROOT)));
		}
		return page(where.toString(), params, "c.created_at", false, after, limit);
	}

	private Page page(String filter, List<Object> filterParams, String sortColumn, boolean ascending, Cursor after,
			int limit) {
		List<Object> params = new ArrayList<>(filterParams);
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM conversation c WHERE " + filter);
		String direction = ascending ? ">" : "<";
		if (after != null) {
			sql.append(" AND (" + sortColumn + " " + direction + " ? OR (" + sortColumn + " = ? AND c.id " + direction
					+ " ?))");
			params.add(after.value());
			params.add(after.value());
			params.add(after.id());
		}
		String order = ascending ? "ASC" : "DESC";
		sql.append(" ORDER BY " + sortColumn + " " + order + ", c.id " + order + " LIMIT ?");
		params.add(limit + 1);
		List<Conversation> rows = this.jdbc.sql(sql.toString())
			.params(params)
			.query(ConversationRepository::map)
			.list();
		if (rows.size() <= limit) {
			return new Page(rows, null);
		}
		List<Conversation> items = rows.subList(0, limit);
		Conversation last = items.get(items.size() - 1);
		long value = switch (sortColumn) {
			case "c.created_at" -> last.createdAt().toEpochMilli();
			case "c.closed_at" -> (last.closedAt() != null) ? last.closedAt().toEpochMilli() : 0;
			default -> last.lastMessageAt().toEpochMilli();
		};
		return new Page(List.copyOf(items), new Cursor(value, last.id()).format());
	}

	static Conversation map(ResultSet rs, int row) throws SQLException {
		return new Conversation(rs.getLong("id"), rs.getLong("channel_id"), rs.getLong("visitor_id"),
				rs.getString("status"), rs.getObject("assignee_id", Long.class), rs.getString("question"),
				rs.getString("page_url"), rs.getString("referrer"), rs.getString("user_agent"), rs.getString("ip"),
				rs.getString("language"), Instant.ofEpochMilli(rs.getLong("created_at")),
				instant(rs.getObject("assigned_at", Long.class)), instant(rs.getObject("closed_at", Long.class)),
				rs.getString("closed_by"), Instant.ofEpochMilli(rs.getLong("last_message_at")),
				rs.getString("last_message_preview"), rs.getLong("last_seq"), rs.getLong("agent_read_seq"),
				rs.getLong("visitor_read_seq"), rs.getObject("rating", Integer.class), rs.getString("rating_comment"),
				instant(rs.getObject("rated_at", Long.class)), rs.getObject("group_id", Long.class),
				instant(rs.getObject("left_message_at", Long.class)));
	}

	private static Instant instant(Long millis) {
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

}
