package dev.parley.analytics.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.parley.conversations.ClosedBy;

/**
 * Everything statistics know of one conversation: where it belongs (channel, group,
 * agent, the day and hour it started in the organisation's time zone), its figures so
 * far, and where the fold of its transcript stands ({@link #lastSeq} and the running
 * state), so that the next lines continue it. One row of {@code analytics_conversation},
 * with its agents' {@link Participation}s.
 * <p>
 * Durations are in milliseconds, each in calendar time and in the business hours of the
 * conversation's group ({@code Bh}); null where the moment has not come (no first
 * response yet).
 */
final class ConversationFact {

	final long conversationId;

	long channelId;

	Long groupId;

	/**
	 * The group it started in: the pre-chat topic the visitor picked (each leads to a
	 * group), or the channel's group; unlike {@link #groupId} not moved by transfers.
	 */
	Long topicId;

	/** The agent it is with now, or was with last; null if it never was with anyone. */
	Long agentId;

	/** The agent it is with now (also when it closed with him); null while it waits. */
	Long assigneeId;

	Instant startedAt;

	/** The day it started, {@code yyyymmdd} in the organisation's time zone. */
	int day;

	/** The hour of the day it started (0-23), in the organisation's time zone. */
	int hour;

	boolean leftMessage;

	Instant leftMessageAt;

	// where the fold stands

	long lastSeq;

	Phase phase = Phase.WAITING;

	/** The oldest visitor message that no agent has answered yet; null when answered. */
	Instant awaitingSince;

	// figures

	int messagesIn;

	int messagesOut;

	Instant firstAssignedAt;

	Long waitMs;

	Long waitBhMs;

	Instant firstResponseAt;

	Long firstResponseMs;

	Long firstResponseBhMs;

	Samples replies = new Samples();

	/** Time with agents over the periods that have ended. */
	long handlingMs;

	long handlingBhMs;

	Instant closedAt;

	ClosedBy closedBy;

	Long resolutionMs;

	Long resolutionBhMs;

	int transfers;

	int reopens;

	Long leftAnswerMs;

	Long leftAnswerBhMs;

	Integer rating;

	Instant ratedAt;

	boolean commented;

	/** By agent id, in id order. */
	final Map<Long, Participation> participations = new TreeMap<>();

	/**
	 * The assignment periods this fold ended, each {agent, from, to} in epoch
	 * milliseconds (not kept with the fact: written once, as the agent's spans).
	 */
	final List<long[]> endedSpans = new ArrayList<>();

	ConversationFact(long conversationId) {
		this.conversationId = conversationId;
	}

	boolean closed() {
		return this.phase == Phase.CLOSED;
	}

	/** Whether any agent has written in it. */
	boolean answered() {
		return this.messagesOut > 0;
	}

	/**
	 * Closed by the visitor or by the inactivity timeout before any agent wrote: the
	 * visitor gave up. Never a left message, which nobody was meant to answer live.
	 */
	boolean abandoned() {
		return closed() && !this.leftMessage && !answered() && this.closedBy != ClosedBy.AGENT;
	}

	Participation participation(long agentId) {
		return this.participations.computeIfAbsent(agentId, Participation::new);
	}

}
