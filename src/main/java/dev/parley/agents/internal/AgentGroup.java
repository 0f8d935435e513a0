package dev.parley.agents.internal;

import java.time.Instant;
import java.util.List;

/**
 * A team (skill group) with its routing strategy, members and the channels it answers.
 *
 * @param routing {@code least_busy}, {@code round_robin} or {@code manual}
 * @param overflowGroupId where conversations go when nobody in this group is available
 */
public record AgentGroup(long id, String name, String description, String routing, Long overflowGroupId,
		List<Member> members, List<Long> channelIds, Instant createdAt) {

	public static final List<String> STRATEGIES = List.of("least_busy", "round_robin", "manual");

	/** A member; supervisors manage the group. */
	public record Member(long userId, boolean supervisor) {
	}

}
