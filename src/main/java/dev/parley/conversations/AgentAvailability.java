package dev.parley.conversations;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether anyone could answer a waiting conversation now, so the widget can say so at
 * once instead of promising a short wait. Implemented by the module that owns agents'
 * presence, groups and shifts, so live chat needs no compile-time knowledge of it.
 */
public interface AgentAvailability {

	/**
	 * @param groupId the group whose queue the conversation is in (null: of no group);
	 * its overflow groups count too
	 * @return whether an agent who could take it is online and on shift, and has room
	 */
	Availability of(Long groupId);

	/** Who could take a conversation now. */
	enum Availability {

		/** Someone online and on shift has room. */
		AVAILABLE,

		/** Agents are online and on shift, all at their capacity. */
		BUSY,

		/** Nobody who could take it is online and on shift. */
		NOBODY;

		@JsonValue
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
