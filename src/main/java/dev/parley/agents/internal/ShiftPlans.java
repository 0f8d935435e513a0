package dev.parley.agents.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.identity.StaffAccessChanged;
import dev.parley.platform.ReadCache;
import dev.parley.platform.ReadCaches;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the shift plan, which every routing decision and every waiting visitor's poll
 * needs, through a cache: the weekly slots, the group memberships and the exceptions of
 * some weeks around the dates asked for. What is kept is wall-clock data of fixed dates,
 * so it stays true when the day changes and when the organisation's time zone changes
 * (the plan is built in the zone in force at each read); a read for dates outside the
 * kept weeks reads them afresh. Whatever changes slots, exceptions or memberships calls
 * {@link #changed()}.
 */
@Component
class ShiftPlans {

	static final String CACHE = "shift-plans";

	/** Days read beyond the dates asked for, so the next days' reads find them. */
	private static final int MARGIN_DAYS = 7;

	private final ShiftRepository shifts;

	private final GroupRepository groups;

	private final ReadCaches caches;

	private final ReadCache<Roster> rosters;

	ShiftPlans(ShiftRepository shifts, GroupRepository groups, ReadCaches caches) {
		this.shifts = shifts;
		this.groups = groups;
		this.caches = caches;
		this.rosters = caches.create(CACHE);
	}

	/**
	 * @return the plan for the dates {@code [from, from + days)} (with the exceptions of
	 * two days before and one after, for shifts that run past midnight), in {@code zone}
	 */
	Plan plan(LocalDate from, int days, ZoneId zone) {
		LocalDate first = from.minusDays(2);
		LocalDate last = from.plusDays(days + 1);
		Roster roster = this.rosters.get((kept) -> kept.covers(first, last),
				() -> read(first.minusDays(MARGIN_DAYS), last.plusDays(MARGIN_DAYS)));
		return new Plan(roster.slots(), roster.exceptions(), roster.groupsOf(), roster.membersOf(), zone);
	}

	/**
	 * Slots, exceptions or memberships have changed (or will have, when the current
	 * transaction commits).
	 */
	void changed() {
		this.caches.changed(CACHE);
	}

	/** A deleted user's slots, exceptions and memberships went with them. */
	@EventListener
	void on(StaffAccessChanged event) {
		if (event.reason() == StaffAccessChanged.Reason.DELETED) {
			changed();
		}
	}

	private Roster read(LocalDate from, LocalDate to) {
		Map<Long, Set<Long>> groupsOf = new HashMap<>();
		Map<Long, Set<Long>> membersOf = new HashMap<>();
		for (long[] membership : this.groups.memberships()) {
			groupsOf.computeIfAbsent(membership[1], (k) -> new HashSet<>()).add(membership[0]);
			membersOf.computeIfAbsent(membership[0], (k) -> new HashSet<>()).add(membership[1]);
		}
		return new Roster(from, to, List.copyOf(this.shifts.slots()), List.copyOf(this.shifts.exceptions(from, to)),
				freeze(groupsOf), freeze(membersOf));
	}

	private static Map<Long, Set<Long>> freeze(Map<Long, Set<Long>> map) {
		Map<Long, Set<Long>> frozen = new HashMap<>();
		map.forEach((key, values) -> frozen.put(key, Set.copyOf(values)));
		return Map.copyOf(frozen);
	}

	/**
	 * What a plan is made of: every weekly slot and membership, and the exceptions on the
	 * dates in {@code [from, to]}.
	 */
	record Roster(LocalDate from, LocalDate to, List<ShiftRepository.StoredSlot> slots,
			List<ShiftRepository.StoredException> exceptions, Map<Long, Set<Long>> groupsOf,
			Map<Long, Set<Long>> membersOf) {

		boolean covers(LocalDate first, LocalDate last) {
			return !first.isBefore(this.from) && !last.isAfter(this.to);
		}

	}

}
