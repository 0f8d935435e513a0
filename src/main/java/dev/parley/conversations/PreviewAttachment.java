package dev.parley.conversations;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a conversation's last message was when it was a file: lists show the file's name
 * with an icon of its kind.
 */
public enum PreviewAttachment {

	FILE,

	IMAGE;

	/**
	 * @return the name stored in the database and sent to clients
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return the kind stored under this name; null for null
	 * @throws IllegalArgumentException for a name that is not one of these
	 */
	public static PreviewAttachment of(String value) {
		return (value != null) ? valueOf(value.toUpperCase(Locale.ROOT)) : null;
	}

}
