package dev.parley.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The working time planned for agents (their own shifts, or their groups' shifts, less
 * their days off), for the statistics' occupancy.
 */
public interface ShiftTimes {

	/**
	 * @return for each of the agents who has shifts planned (his own or his groups'), the
	 * planned time within {@code [from, to)}; agents with nothing planned are absent
	 */
	Map<Long, Duration> planned(Collection<Long> userIds, Instant from, Instant to);

}
