package dev.parley.analytics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.conversations.ClosedBy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conversation facts and their participations in {@code analytics_conversation}. */
@Repository
class FactRepository {

	private static final int IN_LIMIT = 500;

	private static final String COLUMNS = "conversation_id, channel_id, group_id, agent_id, assignee_id, started_at, "
			+ "start_day, start_hour, left_message_at, last_seq, phase, awaiting_since, messages_in, messages_out, "
			+ "first_assigned_at, wait_ms, wait_bh_ms, first_response_at, first_response_ms, first_response_bh_ms, "
			+ "reply_n, reply_ms, reply_bh_ms, reply_hist, reply_hist_bh, handling_ms, handling_bh_ms, closed_at, "
			+ "closed_by, resolution_ms, resolution_bh_ms, transfers, reopens, left_answer_ms, left_answer_bh_ms, "
			+ "rating, rated_at, commented, abandoned, updated_at, topic_id";

	private static final String PARTICIPATION_COLUMNS = "conversation_id, agent_id, assigned, first_response, "
			+ "first_response_ms, first_response_bh_ms, reply_n, reply_ms, reply_bh_ms, reply_hist, reply_hist_bh, "
			+ "messages_out, handling_ms, handling_bh_ms, assigned_since, resolved, transfers_out";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final Clock clock;

	FactRepository(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.clock = clock;
	}

	/** The stored facts of these conversations, with their participations. */
	Map<Long, ConversationFact> load(Collection<Long> conversationIds) {
		Map<Long, ConversationFact> facts = new HashMap<>();
		List<Long> ids = new ArrayList<>(conversationIds);
		for (int from = 0; from < ids.size(); from += IN_LIMIT) {
			List<Long> slice = ids.subList(from, Math.min(ids.size(), from + IN_LIMIT));
			this.jdbc.sql("SELECT " + COLUMNS + " FROM analytics_conversation WHERE conversation_id IN (:ids)")
				.param("ids", slice)
				.query(FactRepository::fact)
				.list()
				.forEach((f) -> facts.put(f.conversationId, f));
			this.jdbc
				.sql("SELECT " + PARTICIPATION_COLUMNS
						+ " FROM analytics_participation WHERE conversation_id IN (:ids) ORDER BY agent_id")
				.param("ids", slice)
				.query((rs) -> {
					ConversationFact f = facts.get(rs.getLong("conversation_id"));
					if (f != null) {
						participation(rs, f.participation(rs.getLong("agent_id")));
					}
				});
		}
		return facts;
	}

	/**
	 * @return the last folded line of each of these conversations that has a fact
	 */
	Map<Long, Long> lastSeqs(Collection<Long> conversationIds) {
		Map<Long, Long> seqs = new HashMap<>();
		List<Long> ids = new ArrayList<>(conversationIds);
		for (int from = 0; from < ids.size(); from += IN_LIMIT) {
			this.jdbc
				.sql("SELECT conversation_id, last_seq FROM analytics_conversation WHERE conversation_id IN (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIMIT)))
				.query((rs) -> {
					seqs.put(rs.getLong(1), rs.getLong(2));
				});
		}
		return seqs;
	}

	/**
	 * Stores facts: those of {@code known} conversations updated, the others inserted.
	 */
	void save(List<ConversationFact> facts, Set<Long> known) {
		long now = this.clock.millis();
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (ConversationFact f : facts) {
			Object[] values = values(f, now);
			if (known.contains(f.conversationId)) {
				Object[] update = new Object[values.length];
				System.arraycopy(values, 1, update, 0, values.length - 1);
				update[values.length - 1] = f.conversationId;
				updates.add(update);
			}
			else {
				inserts.add(values);
			}
		}
		if (!inserts.isEmpty()) {
			batch("INSERT INTO analytics_conversation (" + COLUMNS + ") VALUES (" + marks(COLUMNS) + ")", inserts);
		}
		if (!updates.isEmpty()) {
			String set = COLUMNS.substring(COLUMNS.indexOf(',') + 2).replace(",", " = ?,") + " = ?";
			batch("UPDATE analytics_conversation SET " + set + " WHERE conversation_id = ?", updates);
		}
		List<Long> ids = facts.stream().map((f) -> f.conversationId).toList();
		for (int from = 0; from < ids.size(); from += IN_LIMIT) {
			this.jdbc.sql("DELETE FROM analytics_participation WHERE conversation_id IN (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIMIT)))
				.update();
		}
		List<Object[]> participations = new ArrayList<>();
		for (ConversationFact f : facts) {
			for (Participation p : f.participations.values()) {
				participations.add(participationValues(f, p));
			}
		}
		batch("INSERT INTO analytics_participation (" + PARTICIPATION_COLUMNS + ") VALUES ("
				+ marks(PARTICIPATION_COLUMNS) + ")", participations);
		List<Object[]> spans = new ArrayList<>();
		for (ConversationFact f : facts) {
			for (long[] span : f.endedSpans) {
				spans.add(new Object[] { f.conversationId, span[0], span[1], span[2] });
			}
			f.endedSpans.clear();
		}
		batch("INSERT INTO analytics_agent_span (conversation_id, agent_id, started_at, ended_at) VALUES (?, ?, ?, ?)",
				spans);
	}

	/** The fact's stored values, to tell whether a fold changed anything. */
	static String fingerprint(ConversationFact f) {
		StringBuilder text = new StringBuilder(Arrays.toString(values(f, 0)));
		for (Participation p : f.participations.values()) {
			text.append(Arrays.toString(participationValues(f, p)));
		}
		return text.toString();
	}

	/** Forgets every fact (a rebuild starts over). */
	void deleteAll() {
		this.jdbc.sql("DELETE FROM analytics_agent_span").update();
		this.jdbc.sql("DELETE FROM analytics_participation").update();
		this.jdbc.sql("DELETE FROM analytics_conversation").update();
	}

	private void batch(String sql, List<Object[]> rows) {
		if (!rows.isEmpty()) {
			this.batches.batchUpdate(sql, rows);
		}
	}

	private static String marks(String columns) {
		return String.join(", ", Collections.nCopies(columns.split(",").length, "?"));
	}

	private static Object[] values(ConversationFact f, long now) {
		return new Object[] { f.conversationId, f.channelId, f.groupId, f.agentId, f.assigneeId, millis(f.startedAt),
				f.day, f.hour, millis(f.leftMessageAt), f.lastSeq, f.phase.name(), millis(f.awaitingSince),
				f.messagesIn, f.messagesOut, millis(f.firstAssignedAt), f.waitMs, f.waitBhMs, millis(f.firstResponseAt),
				f.firstResponseMs, f.firstResponseBhMs, f.replies.n, f.replies.sumMs, f.replies.sumBhMs,
				f.replies.histogram.encode(), f.replies.histogramBh.encode(), f.handlingMs, f.handlingBhMs,
				millis(f.closedAt), (f.closedBy != null) ? f.closedBy.value() : null, f.resolutionMs, f.resolutionBhMs,
				f.transfers, f.reopens, f.leftAnswerMs, f.leftAnswerBhMs, f.rating, millis(f.ratedAt), f.commented,
				f.abandoned(), now, f.topicId };
	}

	private static Object[] participationValues(ConversationFact f, Participation p) {
		return new Object[] { f.conversationId, p.agentId, p.assigned, p.firstResponse, p.firstResponseMs,
				p.firstResponseBhMs, p.replies.n, p.replies.sumMs, p.replies.sumBhMs, p.replies.histogram.encode(),
				p.replies.histogramBh.encode(), p.messagesOut, p.handlingMs, p.handlingBhMs, millis(p.assignedSince),
				p.resolved, p.transfersOut };
	}

	private static ConversationFact fact(ResultSet rs, int row) throws SQLException {
		ConversationFact f = new ConversationFact(rs.getLong("conversation_id"));
		f.channelId = rs.getLong("channel_id");
		f.groupId = rs.getObject("group_id", Long.class);
		f.topicId = rs.getObject("topic_id", Long.class);
		f.agentId = rs.getObject("agent_id", Long.class);
		f.assigneeId = rs.getObject("assignee_id", Long.class);
		f.startedAt = instant(rs, "started_at");
		f.day = rs.getInt("start_day");
		f.hour = rs.getInt("start_hour");
		f.leftMessageAt = instant(rs, "left_message_at");
		f.leftMessage = f.leftMessageAt != null;
		f.lastSeq = rs.getLong("last_seq");
		f.phase = Phase.valueOf(rs.getString("phase"));
		f.awaitingSince = instant(rs, "awaiting_since");
		f.messagesIn = rs.getInt("messages_in");
		f.messagesOut = rs.getInt("messages_out");
		f.firstAssignedAt = instant(rs, "first_assigned_at");
		f.waitMs = rs.getObject("wait_ms", Long.class);
		f.waitBhMs = rs.getObject("wait_bh_ms", Long.class);
		f.firstResponseAt = instant(rs, "first_response_at");
		f.firstResponseMs = rs.getObject("first_response_ms", Long.class);
		f.firstResponseBhMs = rs.getObject("first_response_bh_ms", Long.class);
		f.replies = Samples.of(rs.getLong("reply_n"), rs.getLong("reply_ms"), rs.getLong("reply_bh_ms"),
				rs.getString("reply_hist"), rs.getString("reply_hist_bh"));
		f.handlingMs = rs.getLong("handling_ms");
		f.handlingBhMs = rs.getLong("handling_bh_ms");
		f.closedAt = instant(rs, "closed_at");
		String closedBy = rs.getString("closed_by");
		f.closedBy = (closedBy != null) ? ClosedBy.of(closedBy) : null;
		f.resolutionMs = rs.getObject("resolution_ms", Long.class);
		f.resolutionBhMs = rs.getObject("resolution_bh_ms", Long.class);
		f.transfers = rs.getInt("transfers");
		f.reopens = rs.getInt("reopens");
		f.leftAnswerMs = rs.getObject("left_answer_ms", Long.class);
		f.leftAnswerBhMs = rs.getObject("left_answer_bh_ms", Long.class);
		f.rating = rs.getObject("rating", Integer.class);
		f.ratedAt = instant(rs, "rated_at");
		f.commented = rs.getBoolean("commented");
		return f;
	}

	private static void participation(ResultSet rs, Participation p) throws SQLException {
		p.assigned = rs.getInt("assigned");
		p.firstResponse = rs.getBoolean("first_response");
		p.firstResponseMs = rs.getObject("first_response_ms", Long.class);
		p.firstResponseBhMs = rs.getObject("first_response_bh_ms", Long.class);
		p.replies = Samples.of(rs.getLong("reply_n"), rs.getLong("reply_ms"), rs.getLong("reply_bh_ms"),
				rs.getString("reply_hist"), rs.getString("reply_hist_bh"));
		p.messagesOut = rs.getInt("messages_out");
		p.handlingMs = rs.getLong("handling_ms");
		p.handlingBhMs = rs.getLong("handling_bh_ms");
		p.assignedSince = instant(rs, "assigned_since");
		p.resolved = rs.getBoolean("resolved");
		p.transfersOut = rs.getInt("transfers_out");
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Long millis = rs.getObject(column, Long.class);
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

	private static Long millis(Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

}
