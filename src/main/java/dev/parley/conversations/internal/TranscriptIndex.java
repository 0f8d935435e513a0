package dev.parley.conversations.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.parley.conversations.MessageKind;
import dev.parley.platform.Words;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search terms of transcripts ({@code conversation_term}), written off the message
 * path: {@link TranscriptIndexer} hands it the conversations whose messages came after
 * the seq they were indexed up to ({@code conversation_search_state}), and only the new
 * messages are read. Each run looks only at conversations with a message since the last
 * complete run (less a margin for late commits), by the index on {@code last_message_at}.
 * Until then a search reads those messages' text itself ({@link #condition}), so a search
 * never misses a message for being new.
 */
@Component
public class TranscriptIndex {

	/** At most this many terms per conversation. */
	static final int MAX_TERMS = 20_000;

	/** How long after its last message a conversation's transaction may still commit. */
	private static final Duration LATE_COMMITS = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Words words;

	private final Clock clock;

	private final TransactionTemplate transactions;

	/**
	 * Conversations whose last message is older were all indexed by this node (0 after a
	 * start: the first run reads the whole table once, by the index on last_message_at).
	 */
	private volatile long since;

	TranscriptIndex(JdbcClient jdbc, JdbcTemplate template, Words words, Clock clock,
			PlatformTransactionManager transactions) {
		this.transactions = new TransactionTemplate(transactions);
		this.jdbc = jdbc;
		this.template = template;
		this.words = words;
		this.clock = clock;
	}

	/**
	 * Indexes the new messages of up to {@code batch} conversations, those waiting
	 * longest first (one node at a time: {@link TranscriptIndexer} holds a lease).
	 * @return how many conversations were indexed
	 */
	public int indexPending(int batch) {
		long started = this.clock.millis();
		List<long[]> pending = this.jdbc
			.sql("SELECT c.id, c.last_seq, s.indexed_seq FROM conversation c LEFT JOIN conversation_search_state s "
					+ "ON s.conversation_id = c.id WHERE c.last_message_at >= ? "
					+ "AND (s.conversation_id IS NULL OR s.indexed_seq < c.last_seq) "
					+ "ORDER BY c.last_message_at, c.id LIMIT ?")
			.params(this.since, batch)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.wasNull() ? 0 : 1 })
			.list();
		pending.forEach(
				(p) -> this.transactions.executeWithoutResult((status) -> index(p[0], (p[3] == 1) ? p[2] : -1, p[1])));
		if (pending.size() < batch) {
			// everything written before this run is indexed, but for transactions that
			// committed late
			this.since = started - LATE_COMMITS.toMillis();
		}
		return pending.size();
	}

	private void index(long conversationId, long indexedSeq, long lastSeq) {
		List<String> bodies = this.jdbc
			.sql("SELECT body FROM chat_message WHERE conversation_id = ? AND seq > ? AND seq <= ? AND kind = ? "
					+ "AND body IS NOT NULL ORDER BY seq")
			.params(conversationId, indexedSeq, lastSeq, MessageKind.TEXT.value())
			.query(String.class)
			.list();
		Set<String> known = new HashSet<>(this.jdbc.sql("SELECT term FROM conversation_term WHERE conversation_id = ?")
			.param(conversationId)
			.query(String.class)
			.list());
		List<Object[]> rows = new ArrayList<>();
		for (String term : this.words.index(String.join("\n", bodies), MAX_TERMS)) {
			if (known.size() + rows.size() >= MAX_TERMS) {
				break;
			}
			if (!known.contains(term)) {
				rows.add(new Object[] { term, conversationId });
			}
		}
		if (!rows.isEmpty()) {
			this.template.batchUpdate("INSERT INTO conversation_term (term, conversation_id) VALUES (?, ?)", rows);
		}
		long now = this.clock.millis();
		if (indexedSeq < 0) {
			this.jdbc.sql(
					"INSERT INTO conversation_search_state (conversation_id, indexed_seq, indexed_at) VALUES (?, ?, ?)")
				.params(conversationId, lastSeq, now)
				.update();
		}
		else {
			this.jdbc
				.sql("UPDATE conversation_search_state SET indexed_seq = ?, indexed_at = ? WHERE conversation_id = ?")
				.params(lastSeq, now, conversationId)
				.update();
		}
	}

	/**
	 * Forgets a conversation's terms (its transcript was erased); it is indexed again
	 * from what is left of it.
	 */
	@Transactional
	public void forget(long conversationId) {
		this.jdbc.sql("DELETE FROM conversation_term WHERE conversation_id = ?").param(conversationId).update();
		this.jdbc.sql("DELETE FROM conversation_search_state WHERE conversation_id = ?").param(conversationId).update();
	}

	/**
	 * The condition on {@code conversation c} that its transcript holds every word of the
	 * text: the indexed terms, or for messages not indexed yet, their text.
	 * @param params receives the condition's parameters
	 * @return the SQL, or null when the text holds no word
	 */
	String condition(String text, List<Object> params) {
		List<Words.Term> terms = this.words.query(text);
		if (terms.isEmpty()) {
			return null;
		}
		StringBuilder sql = new StringBuilder("((");
		for (int i = 0; i < terms.size(); i++) {
			Words.Term term = terms.get(i);
			sql.append((i > 0) ? " AND " : "");
			if (term.prefix()) {
				sql.append("c.id IN (SELECT conversation_id FROM conversation_term WHERE term >= ? AND term < ? "
						+ "AND term LIKE ? ESCAPE '!')");
				params.add(term.text());
				params.add(upper(term.text()));
				params.add(term.text().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
			}
			else {
				sql.append("c.id IN (SELECT conversation_id FROM conversation_term WHERE term = ?)");
				params.add(term.text());
			}
		}
		sql.append(") OR EXISTS (SELECT 1 FROM chat_message m WHERE m.conversation_id = c.id AND m.seq > "
				+ "COALESCE((SELECT s.indexed_seq FROM conversation_search_state s WHERE s.conversation_id = c.id), -1) "
				+ "AND LOWER(m.body) LIKE LOWER(?) ESCAPE '!'))");
		params.add(dev.parley.platform.LikePattern.contains(text.strip()));
		return sql.toString();
	}

	private static String upper(String prefix) {
		int last = prefix.codePointBefore(prefix.length());
		return prefix.substring(0, prefix.length() - Character.charCount(last))
				+ new String(Character.toChars(last + 1));
	}

}
