package dev.parley.analytics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A row of {@code analytics_conversation} as the conversations behind a figure show it:
 * durations in calendar time or business hours, and only those the reports count (no
 * handling time for an open conversation, no resolution for an unanswered one).
 */
final class FactRow {

	long id;

	Instant startedAt;

	long channelId;

	Long groupId;

	Long agentId;

	boolean leftMessage;

	boolean closed;

	String closedBy;

	int messagesIn;

	int messagesOut;

	Long wait;

	Long firstResponse;

	int replies;

	Long replyAverage;

	Long handling;

	Long resolution;

	Long leftAnswer;

	int transfers;

	int reopens;

	boolean abandoned;

	Integer rating;

	boolean commented;

	static FactRow read(ResultSet rs, boolean business) throws SQLException {
		FactRow r = new FactRow();
		String suffix = business ? "_bh_ms" : "_ms";
		r.id = rs.getLong("conversation_id");
		r.startedAt = Instant.ofEpochMilli(rs.getLong("started_at"));
		r.channelId = rs.getLong("channel_id");
		r.groupId = rs.getObject("group_id", Long.class);
		r.agentId = rs.getObject("agent_id", Long.class);
		r.leftMessage = rs.getObject("left_message_at") != null;
		r.closed = "CLOSED".equals(rs.getString("phase"));
		r.closedBy = rs.getString("closed_by");
		r.messagesIn = rs.getInt("messages_in");
		r.messagesOut = rs.getInt("messages_out");
		r.wait = rs.getObject("wait" + suffix, Long.class);
		r.firstResponse = rs.getObject("first_response" + suffix, Long.class);
		r.replies = rs.getInt("reply_n");
		long replySum = rs.getLong(business ? "reply_bh_ms" : "reply_ms");
		r.replyAverage = (r.replies > 0) ? replySum / r.replies : null;
		boolean assigned = rs.getObject("first_assigned_at") != null;
		r.handling = (r.closed && assigned) ? rs.getLong("handling" + suffix) : null;
		r.abandoned = rs.getBoolean("abandoned");
		r.resolution = (r.closed && r.messagesOut > 0) ? rs.getObject("resolution" + suffix, Long.class) : null;
		r.leftAnswer = rs.getObject("left_answer" + suffix, Long.class);
		r.transfers = rs.getInt("transfers");
		r.reopens = rs.getInt("reopens");
		r.rating = rs.getObject("rating", Integer.class);
		r.commented = rs.getBoolean("commented");
		return r;
	}

}
