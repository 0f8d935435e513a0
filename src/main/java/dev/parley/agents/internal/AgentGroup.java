package dev.parley.agents.internal;

import java.time.Instant;
import java.util.List;

import dev.parley.agents.RoutingStrategy;

/**
 * A team (skill group) with its routing strategy, members and the channels it answers.
 *
 * @param overflowGroupId where conversations go when nobody in this group is available
 * @param requiredSkills skills every conversation of the group asks of its agent (its
 * topic's skills: a topic leads to one group)
 * @param fallbackAfter seconds a conversation waits for an agent who matches its language
 * and skills before anyone in the group may take it; 0: no wait
 */
public record AgentGroup(long id, String name, String description, RoutingStrategy routing, Long overflowGroupId,
		List<Member> members, List<Long> channelIds, Instant createdAt, List<String> requiredSkills,
		int fallbackAfter) {

	public static final int DEFAULT_FALLBACK_AFTER = 60;

	public static final int MAX_FALLBACK_AFTER = 3600;

	/** A member; supervisors manage the group. */
	public record Member(long userId, boolean supervisor) {
	}

}
