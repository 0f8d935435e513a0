package dev.parley.notifications;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who a notification is for: a customer (e-mails carry an unsubscribe link and are never
 * sent to an address that opted out) or a staff member (his own choice of channels per
 * event applies).
 */
public enum Audience {

	CUSTOMER,

	STAFF;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Audience of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
