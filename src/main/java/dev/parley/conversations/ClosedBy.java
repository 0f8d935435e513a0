package dev.parley.conversations;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who or what closed a conversation.
 */
public enum ClosedBy {

	AGENT,

	VISITOR,

	TIMEOUT;

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
	public static ClosedBy of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
