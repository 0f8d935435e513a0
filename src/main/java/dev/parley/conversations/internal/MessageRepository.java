package dev.parley.conversations.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parley.conversations.MessageKind;
import dev.parley.conversations.Side;
import dev.parley.conversations.TimelineEvent;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Transcripts; read by sequence number, never by OFFSET. */
@Repository
public class MessageRepository {

	private static final String COLUMNS = "id, conversation_id, seq, client_id, sender_kind, sender_id, sender_name, "
			+ "kind, body, attachment_id, event_type, event_by, created_at, event_from_id, event_from_name";

	/** The columns of a join's {@code m}. */
	private static final String QUALIFIED_COLUMNS = "m." + COLUMNS.replace(", ", ", m.");

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	MessageRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	private static final String INSERT = "INSERT INTO chat_message (conversation_id, seq, client_id, sender_kind, "
			+ "sender_id, sender_name, kind, body, attachment_id, event_type, event_by, created_at, event_from_id, "
			+ "event_from_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	long insert(Message message) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.params(message.conversationId(), message.seq(), message.clientId(), message.side().value(),
					message.senderId(), message.senderName(), message.kind().value(), message.body(),
					message.attachmentId(), (message.eventType() != null) ? message.eventType().value() : null,
					message.eventBy(), message.createdAt().toEpochMilli(), message.eventFromId(),
					message.eventFromName())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Inserts in one batch (one round trip where the driver allows).
	 * @return the ids given, in order
	 */
	long[] insertAll(List<Message> batch) {
		if (batch.isEmpty()) {
			return new long[0];
		}
		if (batch.size() == 1) {
			return new long[] { insert(batch.get(0)) };
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.template.batchUpdate((connection) -> connection.prepareStatement(INSERT, new String[] { "id" }),
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						Message m = batch.get(i);
						ps.setLong(1, m.conversationId());
						ps.setLong(2, m.seq());
						ps.setString(3, m.clientId());
						ps.setString(4, m.side().value());
						ps.setObject(5, m.senderId(), Types.BIGINT);
						ps.setString(6, m.senderName());
						ps.setString(7, m.kind().value());
						ps.setString(8, m.body());
						ps.setObject(9, m.attachmentId(), Types.BIGINT);
						ps.setString(10, (m.eventType() != null) ? m.eventType().value() : null);
						ps.setString(11, m.eventBy());
						ps.setLong(12, m.createdAt().toEpochMilli());
						ps.setObject(13, m.eventFromId(), Types.BIGINT);
						ps.setString(14, m.eventFromName());
					}

					@Override
					public int getBatchSize() {
						return batch.size();
					}

				}, keys);
		List<Map<String, Object>> rows = keys.getKeyList();
		if (rows.size() != batch.size()) {
			throw new IllegalStateException("Expected " + batch.size() + " generated ids, got " + rows.size());
		}
		long[] ids = new long[rows.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = ((Number) rows.get(i).values().iterator().next()).longValue();
		}
		return ids;
	}

	Optional<Message> findByClientId(long conversationId, Side side, String clientId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM chat_message WHERE conversation_id = ? AND sender_kind = ? "
					+ "AND client_id = ?")
			.params(conversationId, side.value(), clientId)
			.query(MessageRepository::map)
			.optional();
	}

	/**
	 * The messages stored in these conversations under any of these client ids (either
	 * side): how a batch finds the repeats among its messages while it holds the
	 * conversations' locks.
	 */
	List<Message> findByClientIds(Collection<Long> conversationIds, Collection<String> clientIds) {
		if (conversationIds.isEmpty() || clientIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM chat_message WHERE conversation_id IN (:conversations) "
					+ "AND client_id IN (:clientIds)")
			.param("conversations", conversationIds)
			.param("clientIds", clientIds)
			.query(MessageRepository::map)
			.list();
	}

	/**
	 * The visitor's newest message with this client id in any of their conversations: how
	 * a repeated "leave a message" finds the one stored the first time (a client id is
	 * unique only within one conversation, so a client that reuses one may have several).
	 */
	Optional<Message> findVisitorMessage(long visitorId, String clientId) {
		return this.jdbc
			.sql("SELECT " + QUALIFIED_COLUMNS + " FROM chat_message m JOIN conversation c "
					+ "ON c.id = m.conversation_id WHERE c.visitor_id = ? AND m.sender_kind = ? AND m.client_id = ? "
					+ "ORDER BY m.id DESC LIMIT 1")
			.params(visitorId, Side.VISITOR.value(), clientId)
			.query(MessageRepository::map)
			.optional();
	}

	public List<Message> after(long conversationId, long afterSeq, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM chat_message WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?")
			.params(conversationId, afterSeq, limit)
			.query(MessageRepository::map)
			.list();
	}

	private static Message map(ResultSet rs, int row) throws SQLException {
		String eventType = rs.getString("event_type");
		return new Message(rs.getLong("id"), rs.getLong("conversation_id"), rs.getLong("seq"),
				rs.getString("client_id"), Side.of(rs.getString("sender_kind")), rs.getObject("sender_id", Long.class),
				rs.getString("sender_name"), MessageKind.of(rs.getString("kind")), rs.getString("body"),
				rs.getObject("attachment_id", Long.class), (eventType != null) ? TimelineEvent.of(eventType) : null,
				rs.getString("event_by"), Instant.ofEpochMilli(rs.getLong("created_at")),
				rs.getObject("event_from_id", Long.class), rs.getString("event_from_name"));
	}

}
