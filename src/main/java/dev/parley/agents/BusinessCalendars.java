package dev.parley.agents;

import java.time.Duration;
import java.time.Instant;

/**
 * Working time as service targets (SLAs) count it: a group's business hours and holidays
 * (its explicit hours with its closures; without explicit hours, its members' shifts;
 * with nobody in it, always open), in the organisation's time zone; or around the clock.
 */
public interface BusinessCalendars {

	/**
	 * @param groupId a group, or null for the organisation as a whole, which is always
	 * open
	 * @return the working time of the group's business hours as they are planned now
	 */
	WorkingTime of(Long groupId);

	/**
	 * @return around the clock, every day
	 */
	WorkingTime always();

	/** Working time between instants, and instants after some working time. */
	interface WorkingTime {

		/**
		 * @return the working time within {@code [from, to)}; zero when {@code to} is not
		 * after {@code from}
		 */
		Duration workingBetween(Instant from, Instant to);

		/**
		 * @return the instant at which {@code amount} of working time has passed since
		 * {@code from} ({@code from} itself for no time)
		 * @throws IllegalStateException when there is not that much working time within
		 * the look-ahead (about 400 days): a calendar with no hours at all
		 */
		Instant addWorking(Instant from, Duration amount);

	}

}
