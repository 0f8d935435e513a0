package dev.parley.analytics.internal;

import dev.parley.platform.ApiException;

/** Which of the conversations a figure counts (the drill-down's {@code only}). */
enum RowFilter {

	ALL(""), LIVE("left_message_at IS NULL"), LEFT_MESSAGES("left_message_at IS NOT NULL"),
	ASSIGNED("first_assigned_at IS NOT NULL"), ANSWERED("messages_out > 0"), UNANSWERED("messages_out = 0"),
	ABANDONED("abandoned = TRUE"), CLOSED("phase = 'CLOSED'"), OPEN("phase <> 'CLOSED'"), TRANSFERRED("transfers > 0"),
	REOPENED("reopens > 0"), RATED("rating IS NOT NULL"), COMMENTED("commented = TRUE"),
	LEFT_ANSWERED("left_message_at IS NOT NULL AND messages_out > 0");

	final String condition;

	RowFilter(String condition) {
		this.condition = condition;
	}

	static RowFilter of(String value) {
		if (value == null || value.isBlank()) {
			return ALL;
		}
		for (RowFilter only : values()) {
			if (only.key().equals(value)) {
				return only;
			}
		}
		throw ApiException.badRequest("unknown_filter", "No such filter of conversations: " + value);
	}

	/** The name the API uses: {@code leftMessages}. */
	String key() {
		return ApiNames.camel(name());
	}

}
