package dev.parley.notifications.internal;

import java.util.Locale;

/** The HTTP method an SMS gateway is called with. */
public enum SmsMethod {

	POST,

	GET,

	PUT;

	/**
	 * @return the method, or null for a name that is not one of these
	 */
	public static SmsMethod of(String value) {
		for (SmsMethod method : values()) {
			if (value != null && method.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
				return method;
			}
		}
		return null;
	}

}
