package dev.parley.notifications;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a notification reaches its recipient. */
public enum NotificationChannel {

	EMAIL,

	SMS;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws IllegalArgumentException for a name that is not one of these
	 */
	public static NotificationChannel of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
