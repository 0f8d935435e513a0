package dev.parley.analytics.internal;

import java.util.Locale;

/**
 * The durations reports give as median, 90th percentile and average, each in calendar
 * time and in business hours (docs/metrics.md defines them).
 */
enum Metric {

	/** From the start of a live conversation until it was first assigned. */
	WAIT,

	/** From the start of a live conversation until an agent first wrote. */
	FIRST_RESPONSE,

	/** Each agent reply after the first: from the visitor's oldest unanswered message. */
	REPLY,

	/** Time a closed conversation spent with agents. */
	HANDLING,

	/**
	 * From the start until the (last) close, of closed conversations an agent answered.
	 */
	RESOLUTION,

	/** From a left message until an agent first wrote. */
	LEFT_ANSWER,

	/** From the start until the visitor gave up, of abandoned conversations. */
	ABANDON;

	/** The prefix of its columns: {@code first_response_n}, ..._sum, ..._hist. */
	String column() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The name the API uses: {@code firstResponse}. */
	String key() {
		return ApiNames.camel(name());
	}

}
