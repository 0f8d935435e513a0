package dev.parley.notifications.internal;

import java.util.Locale;

/**
 * How the body of a gateway request is encoded, and so how the values put into its
 * template are escaped: URL-encoded for a form, JSON-escaped for JSON; {@code NONE} sends
 * no body (the values travel in the URL).
 */
public enum SmsContentType {

	FORM("application/x-www-form-urlencoded; charset=UTF-8"),

	JSON("application/json; charset=UTF-8"),

	NONE(null);

	private final String mediaType;

	SmsContentType(String mediaType) {
		this.mediaType = mediaType;
	}

	/** The {@code Content-Type} header sent with the body, or null for no body. */
	public String mediaType() {
		return this.mediaType;
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return the content type, or null for a name that is not one of these
	 */
	public static SmsContentType of(String value) {
		for (SmsContentType type : values()) {
			if (value != null && type.value().equals(value.strip().toLowerCase(Locale.ROOT))) {
				return type;
			}
		}
		return null;
	}

}
