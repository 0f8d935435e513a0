package dev.parley.notifications.internal;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the connection to a mail server is protected: not at all (a relay on the same
 * host), upgraded with STARTTLS, or TLS from the first byte (SMTPS on 465, IMAPS on 993).
 */
public enum MailSecurity {

	NONE,

	STARTTLS,

	TLS;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static MailSecurity of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
