package dev.parley.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.parley.conversations.ConversationQueue.Waiting;
import dev.parley.conversations.ConversationStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queue with what each waiting conversation asks of its agent (its language and the
 * skills of the customer's level, kept on the conversation when it starts) and the hold
 * that reserves it for agents who match until a time.
 */
@Repository
class WaitingNeeds {

	private static final String COLUMNS = "c.id, c.channel_id, c.group_id, c.created_at, c.routing_language, "
			+ "c.routing_skills, c.routing_hold_until";

	private static final String WAITING = ConversationStatus.WAITING.value();

	private final JdbcClient jdbc;

	WaitingNeeds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The queue of one group (or of conversations in no group), oldest first. */
	List<Waiting> waitingIn(Long groupId, int limit) {
		List<Object> params = new ArrayList<>();
		String group = "c.group_id IS NULL";
		if (groupId != null) {
			group = "c.group_id = ?";
			params.add(groupId);
		}
		params.add(WAITING);
		params.add(limit);
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM conversation c WHERE " + group
					+ " AND c.status = ? AND c.left_message_at IS NULL ORDER BY c.created_at, c.id LIMIT ?")
			.params(params)
			.query(WaitingNeeds::map)
			.list();
	}

	/** The conversation, if it waits in a queue now. */
	Optional<Waiting> find(long conversationId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM conversation c WHERE c.id = ? AND c.status = ? "
					+ "AND c.left_message_at IS NULL")
			.params(conversationId, WAITING)
			.query(WaitingNeeds::map)
			.optional();
	}

	/** Records what a conversation asks of its agent. */
	void record(long conversationId, String language, List<String> skills) {
		this.jdbc.sql("UPDATE conversation SET routing_language = ?, routing_skills = ? WHERE id = ?")
			.params(language, String.join(",", skills), conversationId)
			.update();
	}

	void hold(long conversationId, Instant until) {
		this.jdbc.sql("UPDATE conversation SET routing_hold_until = ? WHERE id = ?")
			.params((until != null) ? until.toEpochMilli() : null, conversationId)
			.update();
	}

	/**
	 * Ends the holds that ran out on waiting conversations, each with a compare-and-set
	 * so that of several nodes sweeping at once only one routes it again.
	 * @return the conversations this caller released, their hold ended
	 */
	List<Waiting> releaseHolds(Instant now, int limit) {
		List<Waiting> ended = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM conversation c WHERE c.routing_hold_until <= ? AND c.status = ? "
					+ "ORDER BY c.routing_hold_until, c.id LIMIT ?")
			.params(now.toEpochMilli(), WAITING, limit)
			.query(WaitingNeeds::map)
			.list();
		List<Waiting> released = new ArrayList<>();
		for (Waiting waiting : ended) {
			boolean mine = this.jdbc
				.sql("UPDATE conversation SET routing_hold_until = NULL WHERE id = ? AND routing_hold_until = ?")
				.params(waiting.conversationId(), waiting.heldUntil().toEpochMilli())
				.update() == 1;
			if (mine) {
				released.add(new Waiting(waiting.conversationId(), waiting.channelId(), waiting.groupId(),
						waiting.since(), waiting.language(), waiting.skills(), null));
			}
		}
		return released;
	}

	private static Waiting map(ResultSet rs, int row) throws SQLException {
		String skills = rs.getString(6);
		long heldUntil = rs.getLong(7);
		Instant held = rs.wasNull() ? null : Instant.ofEpochMilli(heldUntil);
		return new Waiting(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
				Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), (skills == null || skills.isEmpty()) ? List.of()
						: Arrays.stream(skills.split(",")).filter((s) -> !s.isBlank()).toList(),
				held);
	}

}
