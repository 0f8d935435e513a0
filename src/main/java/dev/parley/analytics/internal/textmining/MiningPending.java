package dev.parley.analytics.internal.textmining;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Conversations whose texts are to be analysed again ({@code mining_pending}): named when
 * they close or are anonymised, and by a re-run another node does. A conversation may be
 * named twice; analysing it twice gives the same rows.
 */
@Repository
class MiningPending {

	private final JdbcClient jdbc;

	private final Clock clock;

	MiningPending(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void add(long conversationId) {
		this.jdbc.sql("INSERT INTO mining_pending (conversation_id, created_at) VALUES (?, ?)")
			.params(conversationId, this.clock.millis())
			.update();
	}

	/** The oldest entries: id and conversation. */
	List<Entry> oldest(int limit) {
		return this.jdbc.sql("SELECT id, conversation_id FROM mining_pending ORDER BY id LIMIT ?")
			.param(limit)
			.query((rs, row) -> new Entry(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	void delete(Collection<Long> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("DELETE FROM mining_pending WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	record Entry(long id, long conversationId) {
	}

}
