package dev.parley.notifications;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a notification stands. {@code PENDING} ones are due at their next attempt;
 * {@code SENDING} is claimed by one node; {@code SENT} and {@code FAILED} (out of
 * attempts, or refused for good) are final; {@code SUPPRESSED} was never sent on purpose
 * (opted out, rate limited, the channel not set up); an administrator may send
 * {@code FAILED} and {@code SUPPRESSED} ones again.
 */
public enum NotificationStatus {

	PENDING,

	SENDING,

	SENT,

	FAILED,

	SUPPRESSED;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static NotificationStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
