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
	TAKEN_OVER,

	/**
	 * A file the customer sent by e-mail was not accepted (a program, a type the channel
	 * does not take, too large); the line names the file, the rest of the e-mail was
	 * posted.
	 */
	FILE_REFUSED;

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
