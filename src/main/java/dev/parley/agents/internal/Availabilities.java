package dev.parley.agents.internal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import dev.parley.conversations.AgentAvailability;

import org.springframework.stereotype.Component;

/**
 * Whether anyone could answer a conversation of a group now: its online members on shift
 * (with room or all full), then those of its overflow groups, as the router would try
 * them.
 */
@Component
class Availabilities implements AgentAvailability {

	private final RoutingCandidates candidates;

	private final GroupRepository groups;

	Availabilities(RoutingCandidates candidates, GroupRepository groups) {
		this.candidates = candidates;
		this.groups = groups;
	}

	@Override
	public Availability of(Long groupId) {
		if (groupId == null) {
			return this.candidates.availability(null);
		}
		Availability best = Availability.NOBODY;
		Set<Long> visited = new HashSet<>();
		Long next = groupId;
		while (next != null && visited.add(next)) {
			Optional<AgentGroup> group = this.groups.findById(next);
			if (group.isEmpty()) {
				break;
			}
			Availability here = this.candidates.availability(group.get());
			if (here == Availability.AVAILABLE) {
				return here;
			}
			if (here == Availability.BUSY) {
				best = here;
			}
			next = group.get().overflowGroupId();
		}
		return best;
	}

}
