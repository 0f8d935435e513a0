package dev.parley.agents;

import java.time.Instant;

/**
 * An agent's status changed: by their own hand, because they left a new conversation
 * unanswered (away), or because no console of theirs has been open for a while (offline).
 *
 * @param previous the status before
 */
public record AgentStatusChanged(long userId, AgentStatus previous, AgentStatus status, Instant at) {
}
