package dev.parley.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Transcripts; read by sequence number, never by OFFSET. */
@Repository
public class MessageRepository {

	private static final String COLUMNS = "id, conversation_id, seq, client_id, sender_kind, sender_id, sender_name, "
			+ "kind, body, attachment_id, event_type, event_by, created_at";

	private final JdbcClient jdbc;

	MessageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Message message) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO chat_message (conversation_id, seq, client_id, sender_kind, sender_id, sender_name, kind, "
					+ "body, attachment_id, event_type, event_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(message.conversationId(), message.seq(), message.clientId(), message.senderKind(),
					message.senderId(), message.senderName(), message.kind(), message.body(), message.attachmentId(),
					message.eventType(), message.eventBy(), message.createdAt().toEpochMilli())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Message> findByClientId(long conversationId, String senderKind, String clientId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM chat_message WHERE conversation_id = ? AND sender_kind = ? "
					+ "AND client_id = ?")
			.params(conversationId, senderKind, clientId)
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
		return new Message(rs.getLong("id"), rs.getLong("conversation_id"), rs.getLong("seq"),
				rs.getString("client_id"), rs.getString("sender_kind"), rs.getObject("sender_id", Long.class),
				rs.getString("sender_name"), rs.getString("kind"), rs.getString("body"),
				rs.getObject("attachment_id", Long.class), rs.getString("event_type"), rs.getString("event_by"),
				Instant.ofEpochMilli(rs.getLong("created_at")));
	}

}
