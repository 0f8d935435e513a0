package dev.parley.conversations;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a transcript line holds: text, a file, or an event of the conversation's life.
 */
public enum MessageKind {

	TEXT,

	ATTACHMENT,

	EVENT;

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
	public static MessageKind of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
