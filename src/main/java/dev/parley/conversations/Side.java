package dev.parley.conversations;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who wrote a transcript line: the visitor, an agent, or Parley itself (event lines such
 * as "assigned").
 */
public enum Side {

	VISITOR,

	AGENT,

	SYSTEM;

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
	public static Side of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
