package dev.parley.notifications.internal.preferences;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a staff member may be told of by e-mail or text message. */
public enum StaffEvent {

	/** A colleague mentioned me in a note while I was not in the console. */
	MENTION,

	/** A visitor left a message in one of my groups. */
	LEFT_MESSAGE,

	/**
	 * A conversation waits too long with no agent online (for supervisors of its group).
	 */
	WAITING_ALERT,

	/** A conversation was assigned to me while I was away. */
	ASSIGNED;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return the event of this name ({@code left_message}), or empty
	 */
	public static Optional<StaffEvent> of(String value) {
		for (StaffEvent event : values()) {
			if (event.value().equals(value)) {
				return Optional.of(event);
			}
		}
		return Optional.empty();
	}

}
