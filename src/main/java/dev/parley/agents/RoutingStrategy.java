package dev.parley.agents;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a group shares its waiting conversations: to the agent with the lowest share of
 * their capacity in use, to whose turn it is, or not at all (agents take them by hand).
 */
public enum RoutingStrategy {

	LEAST_BUSY, ROUND_ROBIN, MANUAL;

	/**
	 * @return the name stored in the database and sent to clients
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws IllegalArgumentException for a name that is not one of these
	 */
	public static RoutingStrategy of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
