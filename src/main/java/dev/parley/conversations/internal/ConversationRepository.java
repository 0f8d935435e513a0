package dev.parley.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parley.conversations.ClosedBy;
import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.PreviewAttachment;
import dev.parley.conversations.Side;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Conversation rows: reading one, locking, and the state changes. Every change of status
 * is a compare-and-set or runs under the row lock, so it holds across nodes. Lists and
 * queues are read by {@link ConversationLists} and {@link QueueRepository}.
 */
@Repository
public class ConversationRepository {

	static final String COLUMNS = "c.id, c.channel_id, c.visitor_id, c.status, c.assignee_id, c.question, c.page_url, "
			+ "c.referrer, c.user_agent, c.ip_sealed, c.language, c.created_at, c.assigned_at, c.closed_at, c.closed_by, "
			+ "c.last_message_at, c.last_message_preview, c.last_seq, c.agent_read_seq, c.visitor_read_seq, c.rating, "
			+ "c.rating_comment, c.rated_at, c.group_id, c.left_message_at, c.last_message_attachment, "
			+ "c.awaiting_reply_since, c.snoozed_until, c.snoozed_until_reply";

	/** Setting these ends a snooze (closing and handing over end it too). */
	private static final String NOT_SNOOZED = "snoozed_until = NULL, snoozed_until_reply = FALSE";

	private static final String WAITING = ConversationStatus.WAITING.value();

	private static final String ASSIGNED = ConversationStatus.ASSIGNED.value();

	private static final String CLOSED = ConversationStatus.CLOSED.value();

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ConversationRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	long insert(Conversation conversation) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO conversation (channel_id, visitor_id, status, question, page_url, referrer, user_agent, "
					+ "ip_sealed, "
					+ "language, created_at, last_message_at, last_seq, agent_read_seq, visitor_read_seq, group_id, "
					+ "left_message_at, awaiting_reply_since, topic_group_id) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)")
			.params(conversation.channelId(), conversation.visitorId(), conversation.status().value(),
					conversation.question(), conversation.pageUrl(), conversation.referrer(), conversation.userAgent(),
					conversation.sealedIp(), conversation.language(), conversation.createdAt().toEpochMilli(),
					conversation.lastMessageAt().toEpochMilli(), conversation.groupId(),
					(conversation.leftMessageAt() != null) ? conversation.leftMessageAt().toEpochMilli() : null,
					// a question asked before the chat waits for its answer from the
					// start
					(conversation.question() != null) ? conversation.createdAt().toEpochMilli() : null,
					// the group it starts in: the pre-chat topic's, or the channel's
					conversation.groupId())
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
		if (ids.isEmpty()) {
			return locked;
		}
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
			.sql("SELECT " + COLUMNS + " FROM conversation c WHERE c.visitor_id = ? AND c.status <> ? "
					+ "ORDER BY c.created_at DESC, c.id DESC LIMIT 1")
			.params(visitorId, CLOSED)
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

	/**
	 * Records what batches appended: last message, preview, read marks, and since when
	 * the visitor awaits a reply (an agent's message answers everything before it; a
	 * visitor's message starts the wait unless one is running); one batch update.
	 */
	void recordAppends(Collection<AppendMark> marks) {
		if (marks.isEmpty()) {
			return;
		}
		this.template
			.batchUpdate("UPDATE conversation SET last_seq = ?, last_message_at = ?, last_message_preview = ?, "
					+ "last_message_attachment = ?, visitor_read_seq = GREATEST(visitor_read_seq, ?), "
					+ "agent_read_seq = GREATEST(agent_read_seq, ?), awaiting_reply_since = CASE WHEN ? = 1 THEN ? "
					+ "ELSE COALESCE(awaiting_reply_since, ?) END WHERE id = ?", marks.stream().map((m) -> {
						Long since = (m.awaitingSince != null) ? m.awaitingSince.toEpochMilli() : null;
						return new Object[] { m.lastSeq, m.at.toEpochMilli(), m.preview,
								(m.attachment != null) ? m.attachment.value() : null, m.visitorRead, m.agentRead,
								m.agentReplied ? 1 : 0, since, since, m.conversationId };
					}).toList());
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
			.sql("UPDATE conversation SET status = ?, assignee_id = ?, assigned_at = ? WHERE id = ? AND status = ?")
			.params(ASSIGNED, userId, at.toEpochMilli(), id, WAITING)
			.update() == 1;
	}

	void assignTo(long id, long userId, Instant at) {
		this.jdbc
			.sql("UPDATE conversation SET status = ?, assignee_id = ?, assigned_at = ?, " + NOT_SNOOZED
					+ " WHERE id = ?")
			.params(ASSIGNED, userId, at.toEpochMilli(), id)
			.update();
	}

	void requeue(long id, long groupId) {
		this.jdbc
			.sql("UPDATE conversation SET status = ?, assignee_id = NULL, assigned_at = NULL, group_id = ?, "
					+ NOT_SNOOZED + " WHERE id = ?")
			.params(WAITING, groupId, id)
			.update();
	}

	/**
	 * Back into its queue, if it is still assigned and unanswered since {@code before}.
	 */
	boolean requeueIfAssignedBefore(long id, Instant before) {
		return this.jdbc
			.sql("UPDATE conversation SET status = ?, assignee_id = NULL, assigned_at = NULL "
					+ "WHERE id = ? AND status = ? AND assigned_at < ? AND snoozed_until IS NULL "
					+ "AND snoozed_until_reply = FALSE")
			.params(WAITING, id, ASSIGNED, before.toEpochMilli())
			.update() == 1;
	}

	void close(long id, Instant at, ClosedBy by) {
		// a closed conversation awaits nothing; a visitor reopening it starts a new wait
		this.jdbc
			.sql("UPDATE conversation SET status = ?, closed_at = ?, closed_by = ?, awaiting_reply_since = NULL, "
					+ NOT_SNOOZED + " WHERE id = ?")
			.params(CLOSED, at.toEpochMilli(), by.value(), id)
			.update();
	}

	void reopen(long id, ConversationStatus status) {
		this.jdbc.sql("UPDATE conversation SET status = ?, closed_at = NULL, closed_by = NULL WHERE id = ?")
			.params(status.value(), id)
			.update();
	}

	/** Puts an assigned conversation aside until a time, or until the customer writes. */
	void snooze(long id, Instant until, boolean untilReply) {
		this.jdbc.sql("UPDATE conversation SET snoozed_until = ?, snoozed_until_reply = ? WHERE id = ?")
			.params((until != null) ? until.toEpochMilli() : null, untilReply, id)
			.update();
	}

	/**
	 * Ends a conversation's snooze, if it has one (a compare-and-set).
	 * @return whether this call ended it
	 */
	boolean unsnooze(long id, Instant at) {
		return this.jdbc
			.sql("UPDATE conversation SET " + NOT_SNOOZED + ", woke_at = ? WHERE id = ? "
					+ "AND (snoozed_until IS NOT NULL OR snoozed_until_reply = TRUE)")
			.params(at.toEpochMilli(), id)
			.update() == 1;
	}

	/**
	 * Ends a snooze whose time has come (a compare-and-set: of several nodes sweeping at
	 * once, one wins).
	 * @return whether this call ended it
	 */
	boolean wakeIfDue(long id, Instant now) {
		return this.jdbc
			.sql("UPDATE conversation SET " + NOT_SNOOZED + ", woke_at = ? WHERE id = ? AND snoozed_until <= ?")
			.params(now.toEpochMilli(), id, now.toEpochMilli())
			.update() == 1;
	}

	/** Moves a read mark forward only. */
	boolean markRead(long id, Side side, long seq) {
		String column = (side == Side.VISITOR) ? "visitor_read_seq" : "agent_read_seq";
		return this.jdbc
			.sql("UPDATE conversation SET " + column + " = ? WHERE id = ? AND " + column + " < ? AND last_seq >= ?")
			.params(seq, id, seq, seq)
			.update() == 1;
	}

	boolean rate(long id, int score, String comment, Instant at) {
		return this.jdbc
			.sql("UPDATE conversation SET rating = ?, rating_comment = ?, rated_at = ? "
					+ "WHERE id = ? AND status = ? AND rating IS NULL")
			.params(score, comment, at.toEpochMilli(), id, CLOSED)
			.update() == 1;
	}

	/** Marks a waiting conversation as a message left for later (a compare-and-set). */
	boolean markLeftMessage(long id, Instant at) {
		return this.jdbc
			.sql("UPDATE conversation SET left_message_at = ? WHERE id = ? AND status = ? AND left_message_at IS NULL")
			.params(at.toEpochMilli(), id, WAITING)
			.update() == 1;
	}

	void placeInGroup(long id, Long groupId) {
		this.jdbc.sql("UPDATE conversation SET group_id = ? WHERE id = ?").params(groupId, id).update();
	}

	static Conversation map(ResultSet rs, int row) throws SQLException {
		String closedBy = rs.getString("closed_by");
		return new Conversation(rs.getLong("id"), rs.getLong("channel_id"), rs.getLong("visitor_id"),
				ConversationStatus.of(rs.getString("status")), rs.getObject("assignee_id", Long.class),
				rs.getString("question"), rs.getString("page_url"), rs.getString("referrer"),
				rs.getString("user_agent"), rs.getString("ip_sealed"), rs.getString("language"),
				Instant.ofEpochMilli(rs.getLong("created_at")), instant(rs.getObject("assigned_at", Long.class)),
				instant(rs.getObject("closed_at", Long.class)), (closedBy != null) ? ClosedBy.of(closedBy) : null,
				Instant.ofEpochMilli(rs.getLong("last_message_at")), rs.getString("last_message_preview"),
				rs.getLong("last_seq"), rs.getLong("agent_read_seq"), rs.getLong("visitor_read_seq"),
				rs.getObject("rating", Integer.class), rs.getString("rating_comment"),
				instant(rs.getObject("rated_at", Long.class)), rs.getObject("group_id", Long.class),
				instant(rs.getObject("left_message_at", Long.class)),
				PreviewAttachment.of(rs.getString("last_message_attachment")),
				instant(rs.getObject("awaiting_reply_since", Long.class)),
				instant(rs.getObject("snoozed_until", Long.class)), rs.getBoolean("snoozed_until_reply"));
	}

	static Instant instant(Long millis) {
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

}
