package dev.parley.analytics.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one conversation adds to the totals: to its channel and group's row of the day and
 * of the month it started in, and, for each agent who took part, to his row. A pure
 * function of the fact, so when a fact changes its old contribution is taken back and the
 * new one given, and the totals are always the sum of the facts.
 */
final class Contribution {

	private Contribution() {
	}

	/** Adds the fact's contribution times {@code sign} to {@code totals}. */
	static void add(ConversationFact f, int sign, Map<Tally.Key, Tally> totals) {
		if (f.startedAt == null) {
			return;
		}
		Tally conversation = conversation(f);
		long group = (f.groupId != null) ? f.groupId : 0;
		long topic = (f.topicId != null) ? f.topicId : group;
		for (char grain : new char[] { Rollup.DAY, Rollup.MONTH }) {
			int period = (grain == Rollup.DAY) ? f.day : f.day / 100;
			add(totals, new Tally.Key(Rollup.CONVERSATIONS, grain, period, f.channelId, group), conversation, sign);
			add(totals, new Tally.Key(Rollup.TOPICS, grain, period, f.channelId, topic), conversation, sign);
			for (Participation p : f.participations.values()) {
				add(totals, new Tally.Key(Rollup.AGENTS, grain, period, p.agentId, group), agent(f, p), sign);
			}
		}
	}

	static Map<Tally.Key, Tally> of(ConversationFact f) {
		Map<Tally.Key, Tally> totals = new LinkedHashMap<>();
		add(f, 1, totals);
		return totals;
	}

	private static void add(Map<Tally.Key, Tally> totals, Tally.Key key, Tally tally, int sign) {
		totals.computeIfAbsent(key, (k) -> new Tally()).add(tally, sign);
	}

	private static Tally conversation(ConversationFact f) {
		Tally t = new Tally();
		t.count(Counter.CONVERSATIONS, 1);
		t.count(f.leftMessage ? Counter.LEFT_MESSAGES : Counter.LIVE, 1);
		t.count(Counter.hour(f.hour), 1);
		t.count(Counter.MESSAGES_IN, f.messagesIn);
		t.count(Counter.MESSAGES_OUT, f.messagesOut);
		t.count(Counter.ASSIGNED, (f.firstAssignedAt != null) ? 1 : 0);
		t.count(Counter.ANSWERED, f.answered() ? 1 : 0);
		t.count(Counter.LEFT_ANSWERED, (f.leftMessage && f.answered()) ? 1 : 0);
		t.count(Counter.REOPENED, (f.reopens > 0) ? 1 : 0);
		t.count(Counter.TRANSFERRED, (f.transfers > 0) ? 1 : 0);
		t.count(Counter.TRANSFERS, f.transfers);
		rating(f, t);
		t.sample(Metric.WAIT, f.waitMs, f.waitBhMs);
		t.sample(Metric.FIRST_RESPONSE, f.firstResponseMs, f.firstResponseBhMs);
		t.add(Metric.REPLY, f.replies, 1);
		t.sample(Metric.LEFT_ANSWER, f.leftAnswerMs, f.leftAnswerBhMs);
		if (f.closed()) {
			t.count(Counter.CLOSED, 1);
			if (f.abandoned()) {
				t.count(Counter.ABANDONED, 1);
				t.sample(Metric.ABANDON, f.resolutionMs, f.resolutionBhMs);
			}
			if (f.answered()) {
				t.sample(Metric.RESOLUTION, f.resolutionMs, f.resolutionBhMs);
			}
			if (f.firstAssignedAt != null) {
				t.sample(Metric.HANDLING, f.handlingMs, f.handlingBhMs);
			}
		}
		return t;
	}

	private static Tally agent(ConversationFact f, Participation p) {
		Tally t = new Tally();
		t.count(Counter.ASSIGNED, (p.assigned > 0) ? 1 : 0);
		t.count(Counter.ASSIGNMENTS, p.assigned);
		t.count(Counter.ANSWERED, (p.messagesOut > 0) ? 1 : 0);
		t.count(Counter.MESSAGES_OUT, p.messagesOut);
		t.count(Counter.RESOLVED, p.resolved ? 1 : 0);
		t.count(Counter.TRANSFERS_OUT, p.transfersOut);
		boolean last = Long.valueOf(p.agentId).equals(f.agentId);
		t.count(Counter.MISSED, (last && f.abandoned()) ? 1 : 0);
		if (last) {
			rating(f, t);
		}
		if (p.firstResponse) {
			t.sample(Metric.FIRST_RESPONSE, p.firstResponseMs, p.firstResponseBhMs);
		}
		t.add(Metric.REPLY, p.replies, 1);
		if (p.assigned > 0 && p.assignedSince == null) {
			t.sample(Metric.HANDLING, p.handlingMs, p.handlingBhMs);
		}
		return t;
	}

	private static void rating(ConversationFact f, Tally t) {
		if (f.rating != null && f.rating >= 1 && f.rating <= 5) {
			t.count(Counter.RATED, 1);
			t.count(Counter.RATING_SUM, f.rating);
			t.count(Counter.rating(f.rating), 1);
			t.count(Counter.COMMENTED, f.commented ? 1 : 0);
		}
	}

}
