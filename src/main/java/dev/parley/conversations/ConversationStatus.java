package dev.parley.conversations;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a conversation stands: in the queue, with an agent, or closed. A closed
 * conversation may reopen.
 */
public enum ConversationStatus {

	WAITING,

	ASSIGNED,

	CLOSED;

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
	public static ConversationStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
