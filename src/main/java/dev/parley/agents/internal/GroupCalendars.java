package dev.parley.agents.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import dev.parley.agents.BusinessCalendars;

import org.springframework.stereotype.Component;

/**
 * Business calendars from the shift plan: a group's hours as {@link Shifts} defines them
 * (explicit hours with the group's closures, else its members' working time, else always
 * open), read through the plan cache, in the organisation's time zone at the time of the
 * call. The organisation as a whole has no calendar of its own: it is always open.
 */
@Component
class GroupCalendars implements BusinessCalendars {

	private static final WorkingTime ALWAYS = new WorkingTime() {

		@Override
		public Duration workingBetween(Instant from, Instant to) {
			return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
		}

		@Override
		public Instant addWorking(Instant from, Duration amount) {
			return amount.isNegative() ? from : from.plus(amount);
		}

	};

	private final ShiftPlans plans;

	private final Shifts shifts;

	GroupCalendars(ShiftPlans plans, Shifts shifts) {
		this.plans = plans;
		this.shifts = shifts;
	}

	@Override
	public WorkingTime of(Long groupId) {
		if (groupId == null) {
			return ALWAYS;
		}
		ZoneId zone = this.shifts.zone();
		return new WorkingCalendar(
				(from, to) -> this.plans.plan(from, (int) java.time.temporal.ChronoUnit.DAYS.between(from, to), zone)
					.groupHours(groupId, from, to),
				zone);
	}

	@Override
	public WorkingTime always() {
		return ALWAYS;
	}

}
