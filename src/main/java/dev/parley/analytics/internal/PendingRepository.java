package dev.parley.analytics.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Conversations named by an event whose figures are still to be brought up to date
 * ({@code analytics_pending}). A conversation may be named twice; folding it twice
 * changes nothing the second time.
 */
@Repository
class PendingRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	PendingRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void add(long conversationId) {
		this.jdbc.sql("INSERT INTO analytics_pending (conversation_id, created_at) VALUES (?, ?)")
			.params(conversationId, this.clock.millis())
			.update();
	}

	/** The oldest entries: id and conversation. */
	List<Entry> oldest(int limit) {
		return this.jdbc.sql("SELECT id, conversation_id FROM analytics_pending ORDER BY id LIMIT ?")
			.param(limit)
			.query((rs, row) -> new Entry(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	void delete(Collection<Long> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("DELETE FROM analytics_pending WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM analytics_pending").query(Long.class).single();
	}

	record Entry(long id, long conversationId) {
	}

}
