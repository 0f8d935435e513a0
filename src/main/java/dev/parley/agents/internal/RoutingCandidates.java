package dev.parley.agents.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.agents.RoutingStrategy;
import dev.parley.conversations.AgentAvailability;
import dev.parley.conversations.ConversationQueue;

import org.springframework.stereotype.Component;

/**
 * Who may get a conversation, best first: the routing decision proper, apart from the
 * assigning (the {@link Router}'s). The online agents on shift of the group (of no group,
 * for conversations in no group), those with room, ranked by the group's strategy.
 */
@Component
class RoutingCandidates {

	private final AgentRepository agents;

	private final GroupRepository groups;

	private final ConversationQueue queue;

	private final Shifts shifts;

	private final Clock clock;

	RoutingCandidates(AgentRepository agents, GroupRepository groups, ConversationQueue queue, Shifts shifts,
			Clock clock) {
		this.agents = agents;
		this.groups = groups;
		this.queue = queue;
		this.shifts = shifts;
		this.clock = clock;
	}

	/**
	 * Online agents on shift of the group (of no group, for no group), best first.
	 */
	List<AgentProfile> of(AgentGroup group, RoutingStrategy strategy) {
		List<AgentProfile> online = onShift(group);
		Map<Long, Integer> loads = this.queue.openCounts(online.stream().map(AgentProfile::userId).toList());
		return rank(online, loads, strategy);
	}

	/**
	 * Whether someone could take a conversation of the group (of no group, for no group)
	 * now: online and on shift with room, online and on shift but all full, or nobody.
	 */
	AgentAvailability.Availability availability(AgentGroup group) {
		List<AgentProfile> online = onShift(group);
		if (online.isEmpty()) {
			return AgentAvailability.Availability.NOBODY;
		}
		return of(group, RoutingStrategy.LEAST_BUSY).isEmpty() ? AgentAvailability.Availability.BUSY
				: AgentAvailability.Availability.AVAILABLE;
	}

	/**
	 * Whether anyone of the group (of no group, for no group) meets the needs, whatever
	 * his status or shift: only then is it worth waiting for him.
	 */
	boolean anyoneCouldMatch(AgentGroup group, ConversationNeeds needs) {
		Set<Long> members = new HashSet<>();
		if (group != null) {
			group.members().forEach((member) -> members.add(member.userId()));
		}
		Set<Long> grouped = (group != null) ? Set.of() : this.groups.allMembers();
		for (AgentProfile agent : this.agents.findAll()) {
			boolean belongs = (group != null) ? members.contains(agent.userId()) : !grouped.contains(agent.userId());
			if (belongs && needs.metBy(agent)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The candidates who match first, then by how much of the needs they meet; the
	 * strategy's order within each (a stable sort).
	 */
	static List<AgentProfile> byMatch(List<AgentProfile> ranked, ConversationNeeds needs) {
		if (!needs.any()) {
			return ranked;
		}
		List<AgentProfile> sorted = new ArrayList<>(ranked);
		sorted.sort(Comparator.comparingInt((AgentProfile agent) -> -needs.score(agent)));
		return sorted;
	}

	/** Whether only agents who match may take the conversation now. */
	static boolean held(ConversationQueue.Waiting waiting, Instant now) {
		return waiting.heldUntil() != null && waiting.heldUntil().isAfter(now);
	}

	/**
	 * The longest-waiting conversation of the group's queue the agent may take: one whose
	 * needs he meets, or one no longer reserved for matching agents. A conversation with
	 * needs is reserved from the moment it waits (not only once routing held it: an offer
	 * may come before routing saw it) until the group's fallback wait ran out, unless
	 * nobody in the group could ever match.
	 */
	ConversationQueue.Waiting firstFor(AgentProfile agent, AgentGroup group, Instant now) {
		int fallbackAfter = (group != null) ? group.fallbackAfter() : AgentGroup.DEFAULT_FALLBACK_AFTER;
		for (ConversationQueue.Waiting waiting : this.queue.waiting((group != null) ? group.id() : null, OFFER_BATCH)) {
			ConversationNeeds needs = ConversationNeeds.of(waiting, group);
			if (needs.metBy(agent)) {
				return waiting;
			}
			if (held(waiting, now)) {
				continue;
			}
			boolean reserved = needs.any() && fallbackAfter > 0
					&& waiting.since().plusSeconds(fallbackAfter).isAfter(now) && anyoneCouldMatch(group, needs);
			if (!reserved) {
				return waiting;
			}
		}
		return null;
	}

	static ConversationQueue.Waiting earlier(ConversationQueue.Waiting a, ConversationQueue.Waiting b) {
		if (a == null) {
			return b;
		}
		return (b != null && b.since().isBefore(a.since())) ? b : a;
	}

	/** How many of a queue's longest-waiting an agent's offer looks at. */
	private static final int OFFER_BATCH = 20;

	/** Online agents on shift of the group (of no group, for no group). */
	private List<AgentProfile> onShift(AgentGroup group) {
		List<AgentProfile> online = new ArrayList<>(this.agents.online());
		Set<Long> onShift = this.shifts.onShift(online.stream().map(AgentProfile::userId).toList(),
				this.clock.instant());
		online.removeIf((agent) -> !onShift.contains(agent.userId()));
		if (group != null) {
			Set<Long> members = new HashSet<>();
			group.members().forEach((member) -> members.add(member.userId()));
			online.removeIf((agent) -> !members.contains(agent.userId()));
		}
		else {
			// conversations of channels no group answers go to agents in no group
			Set<Long> grouped = this.groups.allMembers();
			online.removeIf((agent) -> grouped.contains(agent.userId()));
		}
		return online;
	}

	/**
	 * The routing decision proper: of these agents (online, on shift, in the group),
	 * those with room, best first. Round robin: whose turn it is (longest since their
	 * last assignment); least busy: the lowest share of their capacity in use, then whose
	 * turn.
	 * @param loads open conversations per agent (absent: none)
	 */
	static List<AgentProfile> rank(List<AgentProfile> agents, Map<Long, Integer> loads, RoutingStrategy strategy) {
		if (strategy == RoutingStrategy.ROUND_ROBIN) {
			List<AgentProfile> ranked = new ArrayList<>(agents.size());
			for (AgentProfile agent : agents) {
				if (loads.getOrDefault(agent.userId(), 0) < agent.capacity()) {
					ranked.add(agent);
				}
			}
			ranked.sort(BY_TURN);
			return ranked;
		}
		// each agent's share looked up once, not in every comparison of the sort
		List<Ranked> ranked = new ArrayList<>(agents.size());
		for (AgentProfile agent : agents) {
			int load = loads.getOrDefault(agent.userId(), 0);
			if (load < agent.capacity()) {
				ranked.add(new Ranked(agent, (double) load / agent.capacity()));
			}
		}
		ranked.sort(BY_SHARE);
		List<AgentProfile> best = new ArrayList<>(ranked.size());
		ranked.forEach((r) -> best.add(r.agent()));
		return best;
	}

	private record Ranked(AgentProfile agent, double share) {
	}

	/** Whose turn it is: longest since their last assignment, then the id. */
	private static final Comparator<AgentProfile> BY_TURN = Comparator.comparingLong(AgentProfile::lastAssignedAt)
		.thenComparingLong(AgentProfile::userId);

	/** Lowest share of capacity in use, then whose turn it is. */
	private static final Comparator<Ranked> BY_SHARE = Comparator.comparingDouble(Ranked::share)
		.thenComparing(Ranked::agent, BY_TURN);

}
