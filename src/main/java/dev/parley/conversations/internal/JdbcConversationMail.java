package dev.parley.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.parley.conversations.ConversationMail;
import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.MessageKind;
import dev.parley.conversations.Side;
import dev.parley.platform.PersonalData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ConversationMail} straight from the conversation, visitor and message tables.
 */
@Component
class JdbcConversationMail implements ConversationMail {

	private static final String CONTACT = "c.id, c.visitor_id, v.name, v.email_sealed, v.phone_sealed, "
			+ "COALESCE(v.language, c.language), c.status, c.left_message_at, c.closed_at";

	private final JdbcClient jdbc;

	private final PersonalData personal;

	JdbcConversationMail(JdbcClient jdbc, PersonalData personal) {
		this.jdbc = jdbc;
		this.personal = personal;
	}

	@Override
	public Optional<Contact> contact(long conversationId) {
		return this.jdbc
			.sql("SELECT " + CONTACT + " FROM conversation c JOIN visitor v ON v.id = c.visitor_id WHERE c.id = ?")
			.param(conversationId)
			.query((rs, row) -> contact(rs))
			.optional();
	}

	@Override
	public List<UnreadReply> unreadAgentReplies(Instant after, Instant until, int limit) {
		return this.jdbc
			.sql("SELECT " + CONTACT + ", m.seq, m.sender_name, m.kind, m.body, a.file_name, m.created_at "
					+ "FROM chat_message m JOIN conversation c ON c.id = m.conversation_id "
					+ "JOIN visitor v ON v.id = c.visitor_id LEFT JOIN attachment a ON a.id = m.attachment_id "
					+ "WHERE m.created_at > ? AND m.created_at <= ? AND m.sender_kind = ? AND m.kind IN (?, ?) "
					+ "AND m.seq > c.visitor_read_seq AND (v.email_sealed IS NOT NULL OR v.phone_sealed IS NOT NULL) "
					+ "ORDER BY m.created_at, m.id LIMIT ?")
			.params(after.toEpochMilli(), until.toEpochMilli(), Side.AGENT.value(), MessageKind.TEXT.value(),
					MessageKind.ATTACHMENT.value(), limit)
			.query((rs, row) -> new UnreadReply(contact(rs), rs.getLong(10), rs.getString(11),
					MessageKind.TEXT.value().equals(rs.getString(12)) ? rs.getString(13) : null, rs.getString(14),
					Instant.ofEpochMilli(rs.getLong(15))))
			.list();
	}

	@Override
	public List<Line> transcript(long conversationId) {
		return this.jdbc
			.sql("SELECT m.sender_kind, m.sender_name, m.kind, m.body, a.file_name, m.created_at, v.name "
					+ "FROM chat_message m JOIN conversation c ON c.id = m.conversation_id "
					+ "JOIN visitor v ON v.id = c.visitor_id LEFT JOIN attachment a ON a.id = m.attachment_id "
					+ "WHERE m.conversation_id = ? AND m.sender_kind IN (?, ?) AND m.kind IN (?, ?) ORDER BY m.seq")
			.params(conversationId, Side.VISITOR.value(), Side.AGENT.value(), MessageKind.TEXT.value(),
					MessageKind.ATTACHMENT.value())
			.query((rs, row) -> {
				boolean visitor = Side.VISITOR.value().equals(rs.getString(1));
				return new Line(visitor, visitor ? rs.getString(7) : rs.getString(2),
						MessageKind.TEXT.value().equals(rs.getString(3)) ? rs.getString(4) : null, rs.getString(5),
						Instant.ofEpochMilli(rs.getLong(6)));
			})
			.list();
	}

	@Override
	public Optional<String> transcriptRequest(long conversationId) {
		return this.jdbc.sql(
				"SELECT transcript_email_sealed FROM conversation WHERE id = ? AND transcript_email_sealed IS NOT NULL")
			.param(conversationId)
			.query(String.class)
			.optional()
			.map(this.personal::open);
	}

	private Contact contact(ResultSet rs) throws SQLException {
		long closed = rs.getLong(9);
		Instant closedAt = rs.wasNull() ? null : Instant.ofEpochMilli(closed);
		rs.getLong(8);
		boolean left = !rs.wasNull();
		return new Contact(rs.getLong(1), rs.getLong(2), rs.getString(3), this.personal.open(rs.getString(4)),
				this.personal.open(rs.getString(5)), rs.getString(6), ConversationStatus.of(rs.getString(7)), left,
				closedAt);
	}

}
