package dev.parley.analytics.internal;

import dev.parley.platform.ApiException;

/**
 * The orders of the conversations behind a figure: newest first, or by a duration,
 * longest first.
 */
enum RowOrder {

	STARTED("started_at", "started_at", ""), WAIT("wait_ms", "wait_bh_ms", ""),
	FIRST_RESPONSE("first_response_ms", "first_response_bh_ms", ""),
	HANDLING("handling_ms", "handling_bh_ms", " AND c.phase = 'CLOSED' AND c.first_assigned_at IS NOT NULL"),
	RESOLUTION("resolution_ms", "resolution_bh_ms", " AND c.phase = 'CLOSED' AND c.messages_out > 0"),
	LEFT_ANSWER("left_answer_ms", "left_answer_bh_ms", "");

	private final String calendar;

	private final String business;

	/** Which rows the duration is a figure of (as the reports count it). */
	final String counted;

	RowOrder(String calendar, String business, String counted) {
		this.calendar = calendar;
		this.business = business;
		this.counted = counted;
	}

	String column(boolean inBusinessHours) {
		return inBusinessHours ? this.business : this.calendar;
	}

	static RowOrder of(String value) {
		if (value == null || value.isBlank() || value.equals("started")) {
			return STARTED;
		}
		for (RowOrder sort : values()) {
			if (sort != STARTED && Metric.valueOf(sort.name()).key().equals(value)) {
				return sort;
			}
		}
		throw ApiException.invalid("sort", "must be started, wait, firstResponse, handling, resolution or leftAnswer");
	}

	String cursor(ConversationRows.Row row) {
		Long value = switch (this) {
			case STARTED -> row.startedAt().toEpochMilli();
			case WAIT -> row.queueWait();
			case FIRST_RESPONSE -> row.firstResponse();
			case HANDLING -> row.handling();
			case RESOLUTION -> row.resolution();
			case LEFT_ANSWER -> row.leftAnswer();
		};
		return (value != null) ? value + "." + row.conversationId() : null;
	}

	record Cursor(long value, long id) {

		static Cursor parse(String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			int dot = text.indexOf('.');
			try {
				return new Cursor(Long.parseLong(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1)));
			}
			catch (RuntimeException ex) {
				throw ApiException.invalid("cursor", "must be the next value of a page");
			}
		}

	}

}
