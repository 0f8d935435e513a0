package dev.parley.notifications.internal.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.parley.platform.PersonalData;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of every mail taken from the inbound mailbox ({@code inbound_mail}), unique
 * by the mail's key, read newest first and paged by id.
 */
@Repository
public class InboundMailLog {

	private final JdbcClient jdbc;

	private final PersonalData personal;

	InboundMailLog(JdbcClient jdbc, PersonalData personal) {
		this.jdbc = jdbc;
		this.personal = personal;
	}

	/**
	 * One recorded mail.
	 *
	 * @param thread the thread of another module it named or made (e.g. t42), or null
	 */
	public record Entry(long id, String mailKey, Instant receivedAt, String sender, String subject, Long conversationId,
			InboundOutcome outcome, String detail, String thread) {

		public Entry(long id, String mailKey, Instant receivedAt, String sender, String subject, Long conversationId,
				InboundOutcome outcome, String detail) {
			this(id, mailKey, receivedAt, sender, subject, conversationId, outcome, detail, null);
		}

	}

	boolean contains(String mailKey) {
		return this.jdbc.sql("SELECT COUNT(*) FROM inbound_mail WHERE mail_key = ?")
			.param(mailKey)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * @return whether it was recorded now; false when a row with its key exists
	 */
	boolean record(Entry entry) {
		if (contains(entry.mailKey())) {
			// looked for first: a refused insert would spoil a surrounding transaction on
			// PostgreSQL
			return false;
		}
		try {
			this.jdbc.sql(
					"INSERT INTO inbound_mail (mail_key, received_at, sender_sealed, subject, conversation_id, outcome, "
							+ "detail, thread) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(entry.mailKey(), entry.receivedAt().toEpochMilli(),
						this.personal.seal(clip(entry.sender(), 254)), clip(entry.subject(), 200),
						entry.conversationId(), entry.outcome().name(), clip(entry.detail(), 500),
						clip(entry.thread(), 24))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * @param outcome only these, or null for all
	 * @param before only entries with a smaller id (the previous page's cursor), or null
	 */
	public List<Entry> find(InboundOutcome outcome, Long before, int limit) {
		StringBuilder sql = new StringBuilder(
				"SELECT id, mail_key, received_at, sender, sender_sealed, subject, conversation_id, "
						+ "outcome, detail, thread FROM inbound_mail WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (outcome != null) {
			sql.append(" AND outcome = ?");
			params.add(outcome.name());
		}
		if (before != null) {
			sql.append(" AND id < ?");
			params.add(before);
		}
		sql.append(" ORDER BY id DESC LIMIT ?");
		params.add(limit);
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("mail_key"),
					Instant.ofEpochMilli(rs.getLong("received_at")),
					sender(rs.getString("sender_sealed"), rs.getString("sender")), rs.getString("subject"),
					rs.getObject("conversation_id", Long.class), InboundOutcome.valueOf(rs.getString("outcome")),
					rs.getString("detail"), rs.getString("thread")))
			.list();
	}

	/** The sender as sealed, or as a release before 19.4 stored it. */
	private String sender(String sealed, String plain) {
		return (sealed != null) ? this.personal.open(sealed) : plain;
	}

	/** At most {@code max} characters, without control characters (a log shows it). */
	static String clip(String value, int max) {
		if (value == null) {
			return null;
		}
		StringBuilder clean = new StringBuilder(Math.min(value.length(), max));
		value.codePoints()
			.map((c) -> (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) ? ' '
					: (Character.getType(c) == Character.SURROGATE) ? 0xFFFD : c)
			.limit(max)
			.forEach(clean::appendCodePoint);
		String text = clean.toString();
		// a cut must not split a pair (a lone surrogate cannot be stored everywhere)
		if (text.length() > max) {
			text = text.substring(0, max);
		}
		if (!text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
			text = text.substring(0, text.length() - 1);
		}
		return text;
	}

}
