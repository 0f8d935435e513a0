package dev.parley.agents.internal;

import java.time.Instant;
import java.util.List;

import dev.parley.agents.AgentStatus;

/**
 * An agent as routing sees them, on top of the staff user.
 *
 * @param publicName the name customers see; the display name when null
 * @param capacity how many open conversations the agent handles at once
 * @param lastAssignedAt the agent's turn number of their latest assignment (higher is
 * more recent)
 */
public record AgentProfile(long userId, String publicName, List<String> languages, List<String> skills, int capacity,
		AgentStatus status, Instant statusChangedAt, long lastAssignedAt) {

	public static final int DEFAULT_CAPACITY = 5;

	public static final int MAX_CAPACITY = 50;

}
