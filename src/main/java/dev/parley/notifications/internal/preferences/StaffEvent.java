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
	ASSIGNED,

	/** A ticket was assigned or transferred to me by someone else. */
	TICKET_ASSIGNED,

	/** A colleague mentioned me in a ticket's internal note. */
	TICKET_MENTION,

	/** The requester wrote on a ticket I handle or follow. */
	TICKET_UPDATED,

	/** A ticket I handle or supervise is about to miss, or missed, its SLA target. */
	TICKET_SLA;

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
