package dev.parley.agents.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything planned around some dates (weekly slots, exceptions, group memberships) in
 * the organisation's time zone, resolved per agent and group on request: whose working
 * time it is, and when a group is open.
 */
final class Plan {

	/** Where an agent's week comes from. */
	enum Source {

		OWN, GROUPS, UNPLANNED

	}

	private final Map<Long, List<Schedule.Slot>> agentSlots = new HashMap<>();

	private final Map<Long, List<Schedule.Slot>> groupSlots = new HashMap<>();

	private final Map<Long, List<Schedule.Slot>> groupHours = new HashMap<>();

	private final Map<Long, List<Schedule.Exception>> agentExceptions = new HashMap<>();

	private final Map<Long, List<Schedule.Exception>> groupExceptions = new HashMap<>();

	private final Map<Long, Set<Long>> groupsOf;

	private final Map<Long, Set<Long>> membersOf;

	private final ZoneId zone;

	Plan(List<ShiftRepository.StoredSlot> slots, List<ShiftRepository.StoredException> exceptions,
			Map<Long, Set<Long>> groupsOf, Map<Long, Set<Long>> membersOf, ZoneId zone) {
		this.groupsOf = groupsOf;
		this.membersOf = membersOf;
		this.zone = zone;
		for (ShiftRepository.StoredSlot slot : slots) {
			if (slot.userId() != null) {
				this.agentSlots.computeIfAbsent(slot.userId(), (k) -> new ArrayList<>()).add(slot.slot());
			}
			else if (ShiftRepository.HOURS.equals(slot.kind())) {
				this.groupHours.computeIfAbsent(slot.groupId(), (k) -> new ArrayList<>()).add(slot.slot());
			}
			else {
				this.groupSlots.computeIfAbsent(slot.groupId(), (k) -> new ArrayList<>()).add(slot.slot());
			}
		}
		for (ShiftRepository.StoredException exception : exceptions) {
			Map<Long, List<Schedule.Exception>> target = (exception.userId() != null) ? this.agentExceptions
					: this.groupExceptions;
			long owner = (exception.userId() != null) ? exception.userId() : exception.groupId();
			target.computeIfAbsent(owner, (k) -> new ArrayList<>()).add(exception.exception());
		}
	}

	Source source(long userId) {
		if (this.agentSlots.containsKey(userId)) {
			return Source.OWN;
		}
		for (Long groupId : this.groupsOf.getOrDefault(userId, Set.of())) {
			if (this.groupSlots.containsKey(groupId)) {
				return Source.GROUPS;
			}
		}
		return Source.UNPLANNED;
	}

	Schedule agent(long userId) {
		Set<Long> groupIds = this.groupsOf.getOrDefault(userId, Set.of());
		List<Schedule.Slot> weekly = switch (source(userId)) {
			case OWN -> this.agentSlots.get(userId);
			case GROUPS -> {
				List<Schedule.Slot> union = new ArrayList<>();
				groupIds.forEach((g) -> union.addAll(this.groupSlots.getOrDefault(g, List.of())));
				yield union;
			}
			case UNPLANNED -> Schedule.always();
		};
		List<Schedule.Exception> exceptions = new ArrayList<>(this.agentExceptions.getOrDefault(userId, List.of()));
		groupIds.forEach((g) -> exceptions.addAll(this.groupExceptions.getOrDefault(g, List.of())));
		return new Schedule(weekly, exceptions, this.zone);
	}

	/** The groups the agent belongs to. */
	Set<Long> groupsOf(long userId) {
		return this.groupsOf.getOrDefault(userId, Set.of());
	}

	boolean explicitHours(long groupId) {
		return this.groupHours.containsKey(groupId);
	}

	List<Schedule.Interval> groupHours(long groupId, LocalDate from, LocalDate toExclusive) {
		List<Schedule.Exception> exceptions = this.groupExceptions.getOrDefault(groupId, List.of());
		if (explicitHours(groupId)) {
			// explicit hours: the group's holidays close it, extra shifts do not
			// open it
			List<Schedule.Exception> closures = exceptions.stream().filter(Schedule.Exception::off).toList();
			return new Schedule(this.groupHours.get(groupId), closures, this.zone).intervals(from, toExclusive);
		}
		Set<Long> members = this.membersOf.getOrDefault(groupId, Set.of());
		if (members.isEmpty()) {
			return new Schedule(Schedule.always(), exceptions, this.zone).intervals(from, toExclusive);
		}
		List<Schedule.Interval> union = new ArrayList<>();
		for (Long member : members) {
			union.addAll(agent(member).intervals(from, toExclusive));
		}
		return Schedule.merge(union);
	}

	List<Schedule.Slot> groupSlots(long groupId) {
		return this.groupSlots.getOrDefault(groupId, List.of());
	}

	List<Schedule.Slot> groupHourSlots(long groupId) {
		return this.groupHours.getOrDefault(groupId, List.of());
	}

	List<Schedule.Slot> agentSlots(long userId) {
		return this.agentSlots.getOrDefault(userId, List.of());
	}

}
