package dev.parley.conversations;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An event line in a transcript, telling both sides what happened to the conversation.
 */
public enum TimelineEvent {

	ASSIGNED,

	CLOSED,

	REOPENED,

	TRANSFERRED,

	/** A supervisor took an agent's conversation for himself. */
	TAKEN_OVER;

	/**
	 * @return the name stored in the database and sent to clients
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws IllegalArgumentException for a name that is not one of these
	 */
	public static TimelineEvent of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
