package dev.parley.agents.internal;

import java.time.Instant;
import java.util.List;

import dev.parley.agents.RoutingStrategy;

/**
 * A team (skill group) with its routing strategy, members and the channels it answers.
 *
 * @param overflowGroupId where conversations go when nobody in this group is available
 */
public record AgentGroup(long id, String name, String description, RoutingStrategy routing, Long overflowGroupId,
		List<Member> members, List<Long> channelIds, Instant createdAt) {

	/** A member; supervisors manage the group. */
	public record Member(long userId, boolean supervisor) {
	}

}
