package dev.parley.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.PortalConversations;
import dev.parley.conversations.MessageKind;
import dev.parley.conversations.PublicNames;
import dev.parley.conversations.Side;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.conversations.views.ChatViews.MessageView;
import dev.parley.platform.ApiException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's conversations, found through his visitors ({@code visitor.customer_id}):
 * read as their visitor reads them, and written into as their visitor would write.
 */
@Component
class OwnConversations implements PortalConversations {

	private static final String SUMMARY = "SELECT c.id, c.status, c.channel_id, ch.name AS channel_name, "
			+ "c.assignee_id, c.question, c.created_at, c.closed_at, c.last_message_at, c.last_message_preview, "
			+ "c.visitor_id FROM conversation c JOIN visitor v ON v.id = c.visitor_id "
			+ "JOIN chat_channel ch ON ch.id = c.channel_id WHERE v.customer_id = ? ";

	/** The widget's pre-chat question is at most this long. */
	private static final int QUESTION_LENGTH = 1000;

	private final JdbcClient jdbc;

	private final PublicNames publicNames;

	private final Transcript transcript;

	private final ChatMessages chat;

	private final VisitorSessions sessions;

	OwnConversations(JdbcClient jdbc, PublicNames publicNames, Transcript transcript, ChatMessages chat,
			VisitorSessions sessions) {
		this.jdbc = jdbc;
		this.publicNames = publicNames;
		this.transcript = transcript;
		this.chat = chat;
		this.sessions = sessions;
	}

	private record Row(Summary summary, Long assigneeId, long visitorId) {
	}

	@Override
	public List<Summary> list(long customerId) {
		List<Row> rows = this.jdbc.sql(SUMMARY + "ORDER BY c.created_at DESC, c.id DESC LIMIT " + LIST_LIMIT)
			.param(customerId)
			.query(OwnConversations::row)
			.list();
		Set<Long> agents = rows.stream()
			.map(Row::assigneeId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		Map<Long, String> names = agents.isEmpty() ? Map.of() : this.publicNames.publicNames(agents);
		return rows.stream().map((row) -> named(row, names)).toList();
	}

	@Override
	public Optional<Page> transcript(long customerId, long conversationId, long afterSeq, int limit) {
		return find(customerId, conversationId).map((row) -> {
			List<MessageView> read = this.transcript.forVisitor(conversationId, afterSeq, limit);
			long lastSeq = read.isEmpty() ? afterSeq : read.get(read.size() - 1).seq();
			return new Page(named(row, names(row)),
					read.stream()
						.filter((message) -> message.kind() != MessageKind.EVENT)
						.map(OwnConversations::line)
						.toList(),
					lastSeq, read.size() == limit);
		});
	}

	@Override
	public Written write(long customerId, long conversationId, String clientId, String text, String name,
			String email) {
		Row row = find(customerId, conversationId).orElseThrow(() -> ApiException.notFound("Conversation"));
		VisitorIdentity visitor = new VisitorIdentity(row.visitorId(), row.summary().channelId());
		try {
			return new Written(conversationId, null,
					line(this.chat.sendAsVisitor(visitor, conversationId, clientId, text).message()));
		}
		catch (ApiException ex) {
			if (!"conversation_closed".equals(ex.code())) {
				throw ex;
			}
		}
		// closed longer ago than the reopen window: the words start a new conversation
		// (or go into one of the visitor's that is open now), as in the widget
		String question = (text != null && text.strip().length() <= QUESTION_LENGTH) ? text : null;
		VisitorSessions.Started started = this.sessions.startConversation(visitor,
				new VisitorSessions.Prechat(name, email, null, question, null, (question != null) ? clientId : null));
		long id = started.conversation().id();
		if (!started.created() || question == null) {
			return new Written(id, conversationId,
					line(this.chat.sendAsVisitor(visitor, id, clientId, text).message()));
		}
		MessageView first = this.transcript.forVisitor(id, 0, 10)
			.stream()
			.filter((message) -> clientId.equals(message.clientId()))
			.findFirst()
			.orElseThrow();
		return new Written(id, conversationId, line(first));
	}

	private Optional<Row> find(long customerId, long conversationId) {
		return this.jdbc.sql(SUMMARY + "AND c.id = ?")
			.params(customerId, conversationId)
			.query(OwnConversations::row)
			.list()
			.stream()
			.findFirst();
	}

	private Map<Long, String> names(Row row) {
		return (row.assigneeId() != null) ? this.publicNames.publicNames(List.of(row.assigneeId())) : Map.of();
	}

	private static Summary named(Row row, Map<Long, String> names) {
		Summary s = row.summary();
		String agent = (row.assigneeId() != null) ? names.get(row.assigneeId()) : null;
		return new Summary(s.id(), s.status(), s.channelId(), s.channelName(), agent, s.question(), s.createdAt(),
				s.closedAt(), s.lastMessageAt(), s.lastMessagePreview());
	}

	private static Line line(MessageView message) {
		Side side = (message.sender() != null) ? message.sender().kind() : Side.SYSTEM;
		return new Line(message.seq(), side,
				(side == Side.VISITOR || message.sender() == null) ? null : message.sender().name(), message.text(),
				(message.attachment() != null) ? message.attachment().name() : null, message.createdAt());
	}

	private static Row row(ResultSet rs, int index) throws SQLException {
		Summary summary = new Summary(rs.getLong("id"), ConversationStatus.of(rs.getString("status")),
				rs.getLong("channel_id"), rs.getString("channel_name"), null, rs.getString("question"),
				instant(rs, "created_at"), instant(rs, "closed_at"), instant(rs, "last_message_at"),
				rs.getString("last_message_preview"));
		return new Row(summary, (Long) rs.getObject("assignee_id", Long.class), rs.getLong("visitor_id"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		long millis = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

}
