package dev.parley.analytics.internal;

import java.util.Locale;

/**
 * The counts kept in the daily and monthly totals. Each table keeps some of them
 * ({@link Rollup}); docs/metrics.md defines them.
 */
enum Counter {

	CONVERSATIONS, LIVE, LEFT_MESSAGES, LEFT_ANSWERED, MESSAGES_IN, MESSAGES_OUT, ASSIGNED, ANSWERED, ABANDONED, CLOSED,
	REOPENED, TRANSFERRED, TRANSFERS, RATED, RATING_SUM, RATING_1, RATING_2, RATING_3, RATING_4, RATING_5, COMMENTED,

	// by the hour of the day the conversations started
	HOUR_0, HOUR_1, HOUR_2, HOUR_3, HOUR_4, HOUR_5, HOUR_6, HOUR_7, HOUR_8, HOUR_9, HOUR_10, HOUR_11, HOUR_12, HOUR_13,
	HOUR_14, HOUR_15, HOUR_16, HOUR_17, HOUR_18, HOUR_19, HOUR_20, HOUR_21, HOUR_22, HOUR_23,

	// agents: conversations that came to them, how often, what they did with them
	ASSIGNMENTS, RESOLVED, TRANSFERS_OUT, MISSED;

	String column() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Counter hour(int hour) {
		return valueOf("HOUR_" + hour);
	}

	static Counter rating(int score) {
		return valueOf("RATING_" + score);
	}

}
