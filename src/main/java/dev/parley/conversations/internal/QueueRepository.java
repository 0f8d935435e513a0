package dev.parley.conversations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import dev.parley.conversations.ConversationQueue.QueueStats;
import dev.parley.conversations.ConversationQueue.Requeued;
import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.Side;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queues as routing and waiting visitors see them: who waits where, for how long, and
 * how many open conversations each agent has.
 */
@Repository
class QueueRepository {

	private static final String WAITING = ConversationStatus.WAITING.value();

	private static final String ASSIGNED = ConversationStatus.ASSIGNED.value();

	private final JdbcClient jdbc;

	QueueRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The queue of one group (or of conversations in no group), oldest first. */
	List<Conversation> waitingIn(Long groupId, int limit) {
		List<Object> params = new ArrayList<>();
		String group = groupFilter(groupId, params);
		params.add(WAITING);
		params.add(limit);
		return this.jdbc
			.sql("SELECT " + ConversationRepository.COLUMNS + " FROM conversation c WHERE " + group
					+ " AND c.status = ? AND c.left_message_at IS NULL ORDER BY c.created_at, c.id LIMIT ?")
			.params(params)
			.query(ConversationRepository::map)
			.list();
	}

	/**
	 * @return the number of open (assigned, not closed) conversations of each agent,
	 * snoozed ones included (docs/decisions/0007)
	 */
	Map<Long, Integer> openCounts(Collection<Long> agentIds) {
		Map<Long, Integer> counts = new HashMap<>();
		for (Long agent : agentIds) {
			counts.put(agent, 0);
		}
		if (agentIds.isEmpty()) {
			return counts;
		}
		List<Object> params = new ArrayList<>();
		params.add(ASSIGNED);
		params.addAll(agentIds);
		String marks = String.join(", ", Collections.nCopies(agentIds.size(), "?"));
		this.jdbc
			.sql("SELECT assignee_id, COUNT(*) FROM conversation WHERE status = ? AND assignee_id IN (" + marks
					+ ") GROUP BY assignee_id")
			.params(params)
			.query((rs) -> {
				counts.put(rs.getLong(1), rs.getInt(2));
			});
		return counts;
	}

	List<QueueStats> queueStats() {
		return this.jdbc
			.sql("SELECT group_id, COUNT(*), MIN(created_at) FROM conversation WHERE status = ? "
					+ "AND left_message_at IS NULL GROUP BY group_id")
			.param(WAITING)
			.query((rs, row) -> new QueueStats(rs.getObject(1, Long.class), rs.getInt(2),
					Instant.ofEpochMilli(rs.getLong(3))))
			.list();
	}

	/** How many of the same queue are ahead of this waiting conversation. */
	int ahead(Conversation c) {
		List<Object> params = new ArrayList<>();
		String group = groupFilter(c.groupId(), params);
		params.add(WAITING);
		params.add(c.createdAt().toEpochMilli());
		params.add(c.createdAt().toEpochMilli());
		params.add(c.id());
		return this.jdbc
			.sql("SELECT COUNT(*) FROM conversation c WHERE " + group + " AND c.status = ? AND "
					+ "c.left_message_at IS NULL AND (c.created_at < ? OR (c.created_at = ? AND c.id < ?))")
			.params(params)
			.query(Integer.class)
			.single();
	}

	/**
	 * Average seconds from arrival to assignment of the queue's last 20 conversations
	 * assigned since the given time (empty: none, so no basis for an estimate).
	 */
	OptionalDouble recentWaitSeconds(Long groupId, Instant since) {
		List<Object> params = new ArrayList<>();
		String group = groupFilter(groupId, params);
		params.add(since.toEpochMilli());
		return this.jdbc
			.sql("SELECT c.assigned_at - c.created_at FROM conversation c WHERE " + group
					+ " AND c.assigned_at IS NOT NULL AND c.assigned_at >= ? AND c.left_message_at IS NULL "
					+ "ORDER BY c.assigned_at DESC LIMIT 20")
			.params(params)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.average()
			.stream()
			.map((millis) -> millis / 1000.0)
			.findFirst();
	}

	/**
	 * @return assigned conversations whose agent has not written since being assigned,
	 * before the given time, with that agent
	 */
	List<Requeued> unanswered(Instant before, int limit) {
		return this.jdbc
			.sql("SELECT c.id, c.assignee_id FROM conversation c WHERE c.status = ? AND c.assigned_at < ? "
					+ "AND c.left_message_at IS NULL AND c.snoozed_until IS NULL AND c.snoozed_until_reply = FALSE "
					+ "AND NOT EXISTS "
					+ "(SELECT 1 FROM chat_message m WHERE m.conversation_id = c.id AND m.sender_kind = ? "
					+ "AND m.created_at >= c.assigned_at) ORDER BY c.assigned_at, c.id LIMIT ?")
			.params(ASSIGNED, before.toEpochMilli(), Side.AGENT.value(), limit)
			.query((rs, row) -> new Requeued(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	private static String groupFilter(Long groupId, List<Object> params) {
		if (groupId == null) {
			return "c.group_id IS NULL";
		}
		params.add(groupId);
		return "c.group_id = ?";
	}

}
