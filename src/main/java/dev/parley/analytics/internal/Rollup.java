package dev.parley.analytics.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * The tables of totals, each by day and by month (in the organisation's time zone) and by
 * two dimensions: conversations by channel and group, agents' parts by agent and group. A
 * month's row is the sum of its days', so a report over a year reads whole months and the
 * days at its ends.
 */
enum Rollup {

	CONVERSATIONS("analytics_total", "channel_id", EnumSet.range(Counter.CONVERSATIONS, Counter.HOUR_23),
			EnumSet.allOf(Metric.class)),

	/**
	 * The conversations' totals by channel and the group they started in (their pre-chat
	 * topic's), which transfers do not change: the report by topic.
	 */
	TOPICS("analytics_topic_total", "channel_id", EnumSet.range(Counter.CONVERSATIONS, Counter.HOUR_23),
			EnumSet.allOf(Metric.class)),

	AGENTS("analytics_agent_total", "agent_id",
			EnumSet.of(Counter.ASSIGNED, Counter.ASSIGNMENTS, Counter.ANSWERED, Counter.MESSAGES_OUT, Counter.RESOLVED,
					Counter.TRANSFERS_OUT, Counter.MISSED, Counter.RATED, Counter.RATING_SUM, Counter.RATING_1,
					Counter.RATING_2, Counter.RATING_3, Counter.RATING_4, Counter.RATING_5, Counter.COMMENTED),
			EnumSet.of(Metric.FIRST_RESPONSE, Metric.REPLY, Metric.HANDLING));

	final String table;

	/** The dimension besides the group: channel or agent. */
	final String dimension;

	final Set<Counter> counters;

	final Set<Metric> metrics;

	Rollup(String table, String dimension, Set<Counter> counters, Set<Metric> metrics) {
		this.table = table;
		this.dimension = dimension;
		this.counters = counters;
		this.metrics = metrics;
	}

	/** A day's period: {@code yyyymmdd}. */
	static final char DAY = 'D';

	/** A month's period: {@code yyyymm}. */
	static final char MONTH = 'M';

}
