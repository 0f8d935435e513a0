package dev.parley.agents.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.parley.agents.RoutingStrategy;
import dev.parley.agents.TicketCandidates;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ticket side of routing: the group's members on shift (whatever their chat status),
 * those with room under their ticket capacity, ranked by the group's strategy with the
 * ticket turn counter ({@code agent_profile.last_ticket_assigned_at}).
 */
@Component
class TicketRouting implements TicketCandidates {

	/**
	 * The ticket capacity of a member without an agent profile yet (the column's
	 * default).
	 */
	static final int DEFAULT_TICKET_CAPACITY = 20;

	private final GroupRepository groups;

	private final Shifts shifts;

	private final JdbcClient jdbc;

	private final Clock clock;

	TicketRouting(GroupRepository groups, Shifts shifts, JdbcClient jdbc, Clock clock) {
		this.groups = groups;
		this.shifts = shifts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private record Seat(long userId, int capacity, long turn, int load) {

		double share() {
			return (double) this.load / this.capacity;
		}

	}

	@Override
	public List<Long> candidates(long groupId, Function<Collection<Long>, Map<Long, Integer>> openTickets) {
		AgentGroup group = this.groups.findById(groupId).orElse(null);
		if (group == null || group.routing() == RoutingStrategy.MANUAL || group.members().isEmpty()) {
			return List.of();
		}
		List<Long> members = group.members().stream().map(AgentGroup.Member::userId).toList();
		Set<Long> onShift = this.shifts.onShift(members, this.clock.instant());
		List<Long> working = members.stream().filter(onShift::contains).toList();
		if (working.isEmpty()) {
			return List.of();
		}
		Map<Long, Integer> loads = openTickets.apply(working);
		Map<Long, long[]> profiles = new HashMap<>();
		this.jdbc
			.sql("SELECT user_id, ticket_capacity, last_ticket_assigned_at FROM agent_profile WHERE user_id IN (:ids)")
			.param("ids", working)
			.query((rs) -> {
				profiles.put(rs.getLong(1), new long[] { rs.getInt(2), rs.getLong(3) });
			});
		List<Seat> seats = new ArrayList<>();
		for (Long userId : working) {
			long[] profile = profiles.getOrDefault(userId, new long[] { DEFAULT_TICKET_CAPACITY, 0 });
			int load = loads.getOrDefault(userId, 0);
			if (load < profile[0]) {
				seats.add(new Seat(userId, (int) profile[0], profile[1], load));
			}
		}
		Comparator<Seat> byTurn = Comparator.comparingLong(Seat::turn).thenComparingLong(Seat::userId);
		seats.sort((group.routing() == RoutingStrategy.ROUND_ROBIN) ? byTurn
				: Comparator.comparingDouble(Seat::share).thenComparing(byTurn));
		return seats.stream().map(Seat::userId).toList();
	}

	@Override
	public void assigned(long userId) {
		long next = this.jdbc.sql("SELECT COALESCE(MAX(last_ticket_assigned_at), 0) + 1 FROM agent_profile")
			.query(Long.class)
			.single();
		this.jdbc.sql("UPDATE agent_profile SET last_ticket_assigned_at = ? WHERE user_id = ?")
			.params(next, userId)
			.update();
	}

}
