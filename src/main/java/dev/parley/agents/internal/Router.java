package dev.parley.agents.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;
import dev.parley.administration.Settings;
import dev.parley.agents.AgentProfileChanged;
import dev.parley.agents.AgentStatus;
import dev.parley.agents.AgentStatusChanged;
import dev.parley.agents.RoutingStrategy;
import dev.parley.conversations.ConversationClosed;
import dev.parley.conversations.ConversationQueue;
import dev.parley.conversations.ConversationWaiting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands waiting conversations to available agents. An agent is available when online and
 * below capacity; the check and the assignment happen in one transaction that holds the
 * agent's row lock, and the assignment itself is a compare-and-set on the conversation,
 * so under concurrent arrivals on any number of threads or nodes no agent goes over
 * capacity and no conversation is assigned twice.
 *
 * <p>
 * Routing reacts to module events (a conversation waits, one closes, an agent comes
 * online or gets more capacity), delivered through the event publication registry after
 * the change has committed: a failed routing is retried, and one interrupted by a crash
 * runs after the restart. Every reaction is idempotent (the compare-and-set), so running
 * one twice is harmless. Each reaction runs its own short transactions (one per
 * assignment attempt), never one long one. A sweep every few seconds is the safety net
 * for what no event announces (a shift starting, an agent's capacity freed on another
 * node's failed attempt).
 */
@Component
public class Router {

	private static final Logger logger = LoggerFactory.getLogger(Router.class);

	private final AgentRepository agents;

	private final Agents statuses;

	private final GroupRepository groups;

	private final ConversationQueue queue;

	private final TransactionTemplate transactions;

	private final Settings settings;

	private final Clock clock;

	private final Shifts shifts;

	private final RoutingCandidates candidates;

	Router(AgentRepository agents, Agents statuses, GroupRepository groups, ConversationQueue queue,
			TransactionTemplate transactions, Settings settings, Clock clock, Shifts shifts,
			RoutingCandidates candidates) {
		this.agents = agents;
		this.statuses = statuses;
		this.groups = groups;
		this.queue = queue;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
		this.shifts = shifts;
		this.candidates = candidates;
	}

	@Bean
	static SettingDefinitions routingSettingDefinitions() {
		return new SettingDefinitions(SettingDefinition.integer("routing.answerTimeoutSeconds", 0, 0, 3600),
				SettingDefinition.bool(Agents.REMEMBER_STATUS_SETTING, false));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ConversationWaiting event) {
		route(event.conversationId(), event.channelId(), event.groupId());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ConversationClosed event) {
		if (event.assigneeId() != null) {
			offerTo(event.assigneeId());
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AgentStatusChanged event) {
		if (event.status() == AgentStatus.ONLINE) {
			offerTo(event.userId());
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AgentProfileChanged event) {
		offerTo(event.userId());
	}

	@Scheduled(fixedDelayString = "${parley.routing.sweep:10s}", initialDelayString = "${parley.routing.sweep:10s}")
	void scheduledSweep() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			logger.warn("Routing sweep failed; retrying on the next run", ex);
		}
	}

	/**
	 * Puts conversations left unanswered back into their queue, routes again those whose
	 * wait for a matching agent ran out, then offers every queue to every available agent
	 * on shift.
	 */
	public void sweep() {
		int timeout = this.settings.getInt("routing.answerTimeoutSeconds");
		if (timeout > 0) {
			Instant before = this.clock.instant().minusSeconds(timeout);
			for (ConversationQueue.Requeued back : this.queue.unanswered(before, 100)) {
				// an agent who leaves a new conversation unanswered is probably not at
				// the desk: away first, so it is not routed straight back to them
				this.agents.find(back.previousAgentId())
					.ifPresent((agent) -> this.statuses.changeStatus(agent, AgentStatus.AWAY));
				if (!this.queue.requeueUnanswered(back.conversationId(), before)) {
					continue;
				}
				logger.info("Conversation {} was not answered within {} s; back in the queue, agent {} away",
						back.conversationId(), timeout, back.previousAgentId());
			}
		}
		routeReleased();
		// whose shift it is, read once for everyone
		List<Long> online = this.agents.online().stream().map(AgentProfile::userId).toList();
		Set<Long> onShift = this.shifts.onShift(online, this.clock.instant());
		for (Long userId : online) {
			if (onShift.contains(userId)) {
				offerOnShift(userId);
			}
		}
		routeUngrouped();
	}

	/**
	 * Tries to assign a waiting conversation: within the group it was transferred to, or
	 * else the group that answers its channel. An agent who matches its needs first
	 * (language, skills); when none of them is available but the group has one, it waits
	 * for him up to the group's fallback wait.
	 */
	public boolean route(long conversationId, long channelId, Long groupId) {
		Long group = (groupId != null) ? groupId : this.groups.groupOfChannel(channelId).orElse(null);
		if (group != null && groupId == null) {
			this.queue.placeInGroup(conversationId, group);
		}
		return this.queue.findWaiting(conversationId)
			.map((waiting) -> assignWithin(waiting, group, new HashSet<>(), true))
			.orElse(false);
	}

	/**
	 * Routes again the conversations whose wait for a matching agent ran out: to anyone
	 * in their group now, then the overflow rules.
	 */
	private void routeReleased() {
		for (ConversationQueue.Waiting waiting : this.queue.releaseHolds(this.clock.instant(), 100)) {
			logger.debug("Conversation {} waited for a matching agent long enough; anyone may take it now",
					waiting.conversationId());
			assignWithin(waiting, waiting.groupId(), new HashSet<>(), false);
		}
	}

	/** Assigns what can be assigned from the queue of conversations in no group. */
	private void routeUngrouped() {
		Instant now = this.clock.instant();
		for (ConversationQueue.Waiting waiting : this.queue.waiting(null, 50)) {
			if (RoutingCandidates.held(waiting, now)) {
				// reserved for a matching agent, who gets it when he has room
				continue;
			}
			if (!assignWithin(waiting, null, new HashSet<>(), false)) {
				break;
			}
		}
	}

	/**
	 * @param mayHold whether the conversation may wait for a matching agent (not when its
	 * wait ran out already)
	 */
	private boolean assignWithin(ConversationQueue.Waiting waiting, Long groupId, Set<Long> visited, boolean mayHold) {
		visited.add((groupId != null) ? groupId : -1L);
		Optional<AgentGroup> group = (groupId != null) ? this.groups.findById(groupId) : Optional.empty();
		RoutingStrategy strategy = group.map(AgentGroup::routing).orElse(RoutingStrategy.LEAST_BUSY);
		long conversationId = waiting.conversationId();
		if (strategy != RoutingStrategy.MANUAL) {
			ConversationNeeds needs = ConversationNeeds.of(waiting, group.orElse(null));
			List<AgentProfile> ranked = RoutingCandidates.byMatch(this.candidates.of(group.orElse(null), strategy),
					needs);
			int fallbackAfter = group.map(AgentGroup::fallbackAfter).orElse(AgentGroup.DEFAULT_FALLBACK_AFTER);
			boolean holding = mayHold && needs.any() && fallbackAfter > 0;
			for (AgentProfile agent : ranked) {
				if (holding && !needs.metBy(agent)) {
					break;
				}
				Outcome outcome = tryAssign(agent.userId(), conversationId);
				if (outcome == Outcome.ASSIGNED) {
					return true;
				}
				if (outcome == Outcome.GONE) {
					return false;
				}
			}
			if (holding && this.candidates.anyoneCouldMatch(group.orElse(null), needs)) {
				// someone who matches exists but has no room now: wait for him
				this.queue.hold(conversationId, this.clock.instant().plusSeconds(fallbackAfter));
				return false;
			}
			if (holding) {
				// nobody to wait for: anyone, best match first
				for (AgentProfile agent : ranked) {
					if (!needs.metBy(agent)) {
						Outcome outcome = tryAssign(agent.userId(), conversationId);
						if (outcome != Outcome.NO_ROOM) {
							return outcome == Outcome.ASSIGNED;
						}
					}
				}
			}
			if (waiting.heldUntil() != null && mayHold) {
				this.queue.hold(conversationId, null);
			}
		}
		Long overflow = group.map(AgentGroup::overflowGroupId).orElse(null);
		if (overflow != null && !visited.contains(overflow)) {
			this.queue.placeInGroup(conversationId, overflow);
			return assignWithin(waiting, overflow, visited, false);
		}
		return false;
	}

	/**
	 * Gives the agent the longest-waiting conversations they may take, while they have
	 * room.
	 */
	public void offerTo(long userId) {
		if (!this.shifts.onShift(List.of(userId), this.clock.instant()).isEmpty()) {
			offerOnShift(userId);
		}
	}

	private void offerOnShift(long userId) {
		AgentProfile agent = this.agents.find(userId).orElse(null);
		if (agent == null) {
			return;
		}
		List<AgentGroup> routed = new ArrayList<>();
		for (Long groupId : this.groups.groupsOf(userId)) {
			this.groups.findById(groupId).filter((g) -> g.routing() != RoutingStrategy.MANUAL).ifPresent(routed::add);
		}
		boolean grouped = !this.groups.groupsOf(userId).isEmpty();
		for (int round = 0; round < AgentProfile.MAX_CAPACITY; round++) {
			Instant now = this.clock.instant();
			ConversationQueue.Waiting next = null;
			for (AgentGroup group : routed) {
				next = RoutingCandidates.earlier(next, this.candidates.firstFor(agent, group, now));
			}
			if (!grouped) {
				next = RoutingCandidates.earlier(next, this.candidates.firstFor(agent, null, now));
			}
			if (next == null) {
				return;
			}
			Outcome outcome = tryAssign(userId, next.conversationId());
			if (outcome == Outcome.NO_ROOM) {
				return;
			}
		}
	}

	private enum Outcome {

		ASSIGNED, NO_ROOM, GONE

	}

	private Outcome tryAssign(long userId, long conversationId) {
		Outcome outcome = this.transactions.execute((tx) -> {
			AgentProfile agent = this.agents.lock(userId).orElse(null);
			if (agent == null || agent.status() != AgentStatus.ONLINE) {
				return Outcome.NO_ROOM;
			}
			int load = this.queue.openCounts(List.of(userId)).getOrDefault(userId, 0);
			if (load >= agent.capacity()) {
				return Outcome.NO_ROOM;
			}
			if (!this.queue.assign(conversationId, userId)) {
				return Outcome.GONE;
			}
			this.agents.recordAssignment(userId);
			return Outcome.ASSIGNED;
		});
		return (outcome != null) ? outcome : Outcome.NO_ROOM;
	}

}
