package dev.parley.conversations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.parley.conversations.ConversationAnonymised;
import dev.parley.conversations.CustomerData;
import dev.parley.conversations.Side;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link CustomerData} from the visitor, conversation and message tables. */
@Component
class JdbcCustomerData implements CustomerData {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final VisitorRepository visitors;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	JdbcCustomerData(JdbcClient jdbc, NamedParameterJdbcTemplate named, VisitorRepository visitors,
			ApplicationEventPublisher events, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.named = named;
		this.visitors = visitors;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public List<VisitorRecord> visitors(long customerId) {
		List<Long> ids = visitorIds(customerId);
		return this.visitors.findByIds(ids)
			.values()
			.stream()
			.sorted(java.util.Comparator.comparingLong(Visitor::id))
			.map((v) -> new VisitorRecord(v.id(), v.channelId(), v.name(), v.email(), v.phone(), v.ip(), v.language(),
					v.userAgent(), v.pageUrl(), v.createdAt(), v.lastSeenAt()))
			.toList();
	}

	@Override
	public List<Transcript> transcripts(long customerId) {
		List<Transcript> transcripts = new ArrayList<>();
		for (Map<String, Object> c : this.jdbc
			.sql("SELECT c.id, c.channel_id, c.status, c.created_at, c.closed_at, c.rating, c.rating_comment "
					+ "FROM conversation c JOIN visitor v ON v.id = c.visitor_id WHERE v.customer_id = ? "
					+ "ORDER BY c.created_at, c.id")
			.param(customerId)
			.query()
			.listOfRows()) {
			long id = ((Number) value(c, "id")).longValue();
			List<Line> lines = this.jdbc
				.sql("SELECT m.seq, m.sender_kind, m.sender_name, m.kind, m.body, a.file_name, m.created_at, v.name "
						+ "FROM chat_message m JOIN conversation c ON c.id = m.conversation_id "
						+ "JOIN visitor v ON v.id = c.visitor_id LEFT JOIN attachment a ON a.id = m.attachment_id "
						+ "WHERE m.conversation_id = ? AND m.kind IN ('text', 'attachment') ORDER BY m.seq")
				.param(id)
				.query((rs, row) -> {
					boolean visitor = Side.VISITOR.value().equals(rs.getString(2));
					return new Line(rs.getLong(1), rs.getString(2), visitor ? rs.getString(8) : rs.getString(3),
							"text".equals(rs.getString(4)) ? rs.getString(5) : null, rs.getString(6),
							Instant.ofEpochMilli(rs.getLong(7)));
				})
				.list();
			Number closed = (Number) value(c, "closed_at");
			Number rating = (Number) value(c, "rating");
			transcripts.add(new Transcript(id, ((Number) value(c, "channel_id")).longValue(),
					(String) value(c, "status"), Instant.ofEpochMilli(((Number) value(c, "created_at")).longValue()),
					(closed != null) ? Instant.ofEpochMilli(closed.longValue()) : null,
					(rating != null) ? rating.intValue() : null, (String) value(c, "rating_comment"), lines));
		}
		return transcripts;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Anonymised anonymise(long customerId) {
		List<Long> visitorIds = visitorIds(customerId);
		if (visitorIds.isEmpty()) {
			return new Anonymised(0, 0, 0, 0);
		}
		List<Long> conversations = this.named.queryForList(
				"SELECT id FROM conversation WHERE visitor_id IN (:visitors) ORDER BY id",
				Map.of("visitors", visitorIds), Long.class);
		int[] counts = anonymiseTexts(conversations);
		clearVisitors(visitorIds);
		// an erased customer is nobody's any more: a returning visitor gets a new record
		this.named.update("UPDATE visitor SET customer_id = NULL WHERE id IN (:visitors)",
				Map.of("visitors", visitorIds));
		return new Anonymised(visitorIds.size(), conversations.size(), counts[0], counts[1]);
	}

	@Override
	public List<Long> expiredConversations(Instant before, int limit) {
		return this.jdbc.sql(
				"SELECT id FROM conversation WHERE status = 'closed' AND last_message_at < ? AND anonymised_at IS NULL "
						+ "ORDER BY id LIMIT ?")
			.params(before.toEpochMilli(), limit)
			.query(Long.class)
			.list();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Anonymised anonymiseConversations(List<Long> conversationIds, Instant before) {
		if (conversationIds.isEmpty()) {
			return new Anonymised(0, 0, 0, 0);
		}
		int[] counts = anonymiseTexts(conversationIds);
		List<Long> visitors = this.named.queryForList("SELECT DISTINCT v.id FROM visitor v JOIN conversation c "
				+ "ON c.visitor_id = v.id WHERE c.id IN (:conversations) AND v.last_seen_at < :before "
				+ "AND NOT EXISTS (SELECT 1 FROM conversation k WHERE k.visitor_id = v.id AND k.anonymised_at IS NULL)",
				Map.of("conversations", conversationIds, "before", before.toEpochMilli()), Long.class);
		clearVisitors(visitors);
		return new Anonymised(visitors.size(), conversationIds.size(), counts[0], counts[1]);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int clearIdleVisitors(Instant before, int limit) {
		List<Long> idle = this.jdbc
			.sql("SELECT v.id FROM visitor v WHERE v.last_seen_at < ? AND (v.name IS NOT NULL "
					+ "OR v.email_sealed IS NOT NULL OR v.phone_sealed IS NOT NULL OR v.ip_sealed IS NOT NULL "
					+ "OR v.user_agent IS NOT NULL OR v.page_url IS NOT NULL OR v.referrer IS NOT NULL "
					+ "OR v.customer_external_id IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM conversation c "
					+ "WHERE c.visitor_id = v.id AND c.anonymised_at IS NULL) ORDER BY v.id LIMIT ?")
			.params(before.toEpochMilli(), limit)
			.query(Long.class)
			.list();
		clearVisitors(idle);
		return idle.size();
	}

	@Override
	public boolean onlyAnonymisedConversations(long customerId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM conversation c JOIN visitor v ON v.id = c.visitor_id WHERE v.customer_id = ?")
			.param(customerId)
			.query(Long.class)
			.single() > 0 && !hasKeptConversations(customerId);
	}

	@Override
	public boolean hasKeptConversations(long customerId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM conversation c JOIN visitor v ON v.id = c.visitor_id "
					+ "WHERE v.customer_id = ? AND c.anonymised_at IS NULL")
			.param(customerId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * @return messages changed, files deleted
	 */
	private int[] anonymiseTexts(List<Long> conversations) {
		if (conversations.isEmpty()) {
			return new int[] { 0, 0 };
		}
		Instant now = this.clock.instant();
		Map<String, Object> ofConversations = Map.of("conversations", conversations, "erased", ERASED, "now",
				now.toEpochMilli());
		List<Long> attachments = this.named.queryForList(
				"SELECT id FROM attachment WHERE conversation_id IN (:conversations)", ofConversations, Long.class);
		int messages = this.named.update(
				"UPDATE chat_message SET body = :erased WHERE conversation_id IN (:conversations) AND kind = 'text'",
				ofConversations);
		// a file's message becomes a text that says it is gone
		messages += this.named.update("UPDATE chat_message SET kind = 'text', body = :erased, attachment_id = NULL "
				+ "WHERE conversation_id IN (:conversations) AND kind = 'attachment'", ofConversations);
		this.named.update("UPDATE conversation_note SET body = :erased WHERE conversation_id IN (:conversations)",
				ofConversations);
		// the search index must not find an erased transcript by its old words
		this.named.update("DELETE FROM conversation_term WHERE conversation_id IN (:conversations)", ofConversations);
		this.named.update("DELETE FROM conversation_search_state WHERE conversation_id IN (:conversations)",
				ofConversations);
		int files = 0;
		if (!attachments.isEmpty()) {
			Map<String, Object> ofAttachments = Map.of("attachments", attachments);
			this.named.update("DELETE FROM attachment_content WHERE attachment_id IN (:attachments)", ofAttachments);
			files = this.named.update("DELETE FROM attachment WHERE id IN (:attachments)", ofAttachments);
		}
		this.named.update("UPDATE conversation SET question = NULL, page_url = NULL, referrer = NULL, "
				+ "user_agent = NULL, ip = NULL, ip_sealed = NULL, transcript_email = NULL, "
				+ "transcript_email_sealed = NULL, rating_comment = NULL, last_message_preview = :erased, "
				+ "last_message_attachment = NULL, anonymised_at = COALESCE(anonymised_at, :now) "
				+ "WHERE id IN (:conversations)", ofConversations);
		for (long conversation : conversations) {
			this.events.publishEvent(new ConversationAnonymised(conversation, now));
		}
		return new int[] { messages, files };
	}

	private void clearVisitors(List<Long> visitorIds) {
		if (visitorIds.isEmpty()) {
			return;
		}
		this.named.update("UPDATE visitor SET customer_external_id = NULL, name = NULL, email = NULL, phone = NULL, "
				+ "ip = NULL, email_sealed = NULL, phone_sealed = NULL, ip_sealed = NULL, user_agent = NULL, "
				+ "page_url = NULL, referrer = NULL WHERE id IN (:visitors)", Map.of("visitors", visitorIds));
	}

	private List<Long> visitorIds(long customerId) {
		return this.jdbc.sql("SELECT id FROM visitor WHERE customer_id = ? ORDER BY id")
			.param(customerId)
			.query(Long.class)
			.list();
	}

	/** A column of a row map, whatever case the engine gave its name. */
	private static Object value(Map<String, Object> row, String column) {
		for (Map.Entry<String, Object> entry : row.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(column)) {
				return entry.getValue();
			}
		}
		return null;
	}

}
