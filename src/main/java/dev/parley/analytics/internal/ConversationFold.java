package dev.parley.analytics.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import dev.parley.agents.BusinessCalendars.WorkingTime;
import dev.parley.conversations.ClosedBy;
import dev.parley.conversations.ConversationFacts;
import dev.parley.conversations.ConversationFacts.Line;
import dev.parley.conversations.Side;

/**
 * Folds a conversation's transcript into its figures, line by line from where the last
 * fold stopped: the same lines give the same figures whether they come one at a time or
 * all at once, which is what makes the live figures equal to a rebuild. Pure: no
 * database, no clock; business time comes from the calendar it is given.
 */
final class ConversationFold {

	private static final String TO_AGENT = "agent";

	private final ConversationFact fact;

	private final WorkingTime hours;

	private ConversationFold(ConversationFact fact, WorkingTime hours) {
		this.fact = fact;
		this.hours = hours;
	}

	/**
	 * Brings the fact up to date with the conversation as it is now and the lines after
	 * {@code fact.lastSeq}, which must follow on without a gap (lines already folded are
	 * skipped, so a line seen twice counts once).
	 */
	static void apply(ConversationFact fact, ConversationFacts.Facts now, List<Line> lines, ZoneId zone,
			WorkingTime hours) {
		ConversationFold fold = new ConversationFold(fact, hours);
		fold.describe(now, zone);
		for (Line line : lines) {
			if (line.seq() != fact.lastSeq + 1) {
				if (line.seq() <= fact.lastSeq) {
					continue;
				}
				throw new IllegalStateException("Line " + line.seq() + " of conversation " + fact.conversationId
						+ " does not follow line " + fact.lastSeq);
			}
			fold.line(line);
			fact.lastSeq = line.seq();
		}
	}

	private void describe(ConversationFacts.Facts now, ZoneId zone) {
		ConversationFact f = this.fact;
		if (f.startedAt == null) {
			f.startedAt = now.createdAt();
			ZonedDateTime local = now.createdAt().atZone(zone);
			f.day = local.getYear() * 10000 + local.getMonthValue() * 100 + local.getDayOfMonth();
			f.hour = local.getHour();
			f.leftMessageAt = now.leftMessageAt();
			f.leftMessage = now.leftMessageAt() != null;
		}
		f.channelId = now.channelId();
		f.groupId = now.groupId();
		f.topicId = now.topicGroupId();
		f.rating = now.rating();
		f.ratedAt = now.ratedAt();
		f.commented = now.commented();
	}

	private void line(Line line) {
		if (line.message()) {
			if (line.side() == Side.VISITOR) {
				visitorWrote(line.at());
			}
			else if (line.side() == Side.AGENT && line.senderId() != null) {
				agentWrote(line.senderId(), line.at());
			}
			return;
		}
		if (line.event() == null) {
			return;
		}
		switch (line.event()) {
			case ASSIGNED -> {
				if (line.senderId() != null) {
					assign(line.senderId(), line.at());
				}
			}
			case TRANSFERRED -> transfer(TO_AGENT.equals(line.eventBy()) ? line.senderId() : null, line.at());
			case TAKEN_OVER -> transfer(line.senderId(), line.at());
			case CLOSED -> close(line.eventBy(), line.at());
			case REOPENED -> reopen(line.at());
			default -> {
				// a refused file changes no figure
			}
		}
	}

	private void visitorWrote(Instant at) {
		this.fact.messagesIn++;
		if (this.fact.awaitingSince == null) {
			this.fact.awaitingSince = at;
		}
	}

	private void agentWrote(long agentId, Instant at) {
		ConversationFact f = this.fact;
		Participation p = f.participation(agentId);
		f.messagesOut++;
		p.messagesOut++;
		if (f.firstResponseAt == null) {
			f.firstResponseAt = at;
			Instant from = f.leftMessage ? f.leftMessageAt : f.startedAt;
			long ms = millis(from, at);
			long bh = business(from, at);
			if (f.leftMessage) {
				f.leftAnswerMs = ms;
				f.leftAnswerBhMs = bh;
			}
			else {
				f.firstResponseMs = ms;
				f.firstResponseBhMs = bh;
				p.firstResponse = true;
				p.firstResponseMs = ms;
				p.firstResponseBhMs = bh;
			}
		}
		else if (f.awaitingSince != null) {
			long ms = millis(f.awaitingSince, at);
			long bh = business(f.awaitingSince, at);
			f.replies.add(ms, bh);
			p.replies.add(ms, bh);
		}
		f.awaitingSince = null;
	}

	private void assign(long agentId, Instant at) {
		ConversationFact f = this.fact;
		endPeriod(at, false);
		if (f.firstAssignedAt == null) {
			f.firstAssignedAt = at;
			if (!f.leftMessage) {
				f.waitMs = millis(f.startedAt, at);
				f.waitBhMs = business(f.startedAt, at);
			}
		}
		Participation p = f.participation(agentId);
		p.assigned++;
		p.assignedSince = at;
		f.agentId = agentId;
		f.assigneeId = agentId;
		f.phase = Phase.ASSIGNED;
	}

	private void transfer(Long toAgentId, Instant at) {
		ConversationFact f = this.fact;
		f.transfers++;
		if (f.assigneeId != null) {
			f.participation(f.assigneeId).transfersOut++;
		}
		if (toAgentId != null) {
			assign(toAgentId, at);
		}
		else {
			endPeriod(at, false);
			f.assigneeId = null;
			f.phase = Phase.WAITING;
		}
	}

	private void close(String by, Instant at) {
		ConversationFact f = this.fact;
		endPeriod(at, true);
		f.phase = Phase.CLOSED;
		f.closedAt = at;
		f.closedBy = (by != null) ? ClosedBy.of(by) : ClosedBy.AGENT;
		f.resolutionMs = millis(f.startedAt, at);
		f.resolutionBhMs = business(f.startedAt, at);
	}

	private void reopen(Instant at) {
		ConversationFact f = this.fact;
		f.reopens++;
		f.closedAt = null;
		f.closedBy = null;
		f.resolutionMs = null;
		f.resolutionBhMs = null;
		if (f.assigneeId != null) {
			f.participation(f.assigneeId).assignedSince = at;
			f.phase = Phase.ASSIGNED;
		}
		else {
			f.phase = Phase.WAITING;
		}
	}

	/** The period with the present assignee ends (he keeps it if it merely closed). */
	private void endPeriod(Instant at, boolean resolved) {
		ConversationFact f = this.fact;
		if (f.assigneeId == null) {
			return;
		}
		Participation p = f.participation(f.assigneeId);
		if (p.assignedSince != null) {
			long ms = millis(p.assignedSince, at);
			long bh = business(p.assignedSince, at);
			p.handlingMs += ms;
			p.handlingBhMs += bh;
			f.handlingMs += ms;
			f.handlingBhMs += bh;
			if (ms > 0) {
				f.endedSpans.add(new long[] { p.agentId, p.assignedSince.toEpochMilli(), at.toEpochMilli() });
			}
			p.assignedSince = null;
		}
		if (resolved) {
			p.resolved = true;
		}
	}

	private static long millis(Instant from, Instant to) {
		return Math.max(0, to.toEpochMilli() - from.toEpochMilli());
	}

	private long business(Instant from, Instant to) {
		return this.hours.workingBetween(from, to).toMillis();
	}

}
