package dev.parley.agents;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether an agent takes new conversations: online (routing offers them work), away (at
 * the desk but taking nothing new), offline.
 */
public enum AgentStatus {

	ONLINE, AWAY, OFFLINE;

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
	public static AgentStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
