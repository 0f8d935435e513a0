package dev.parley.agents;

import java.time.Instant;

/**
 * An agent's profile (public name, languages, skills, capacity) was changed by a
 * supervisor or administrator. Routing offers waiting conversations again, as the
 * capacity may have grown.
 */
public record AgentProfileChanged(long userId, int capacity, Instant at) {
}
