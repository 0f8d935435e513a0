package dev.parley.agents.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import dev.parley.agents.ShiftTimes;

import org.springframework.stereotype.Component;

/** {@link ShiftTimes} from the shift plan. */
@Component
class PlannedShiftTimes implements ShiftTimes {

	private final ShiftPlans plans;

	private final Shifts shifts;

	PlannedShiftTimes(ShiftPlans plans, Shifts shifts) {
		this.plans = plans;
		this.shifts = shifts;
	}

	@Override
	public Map<Long, Duration> planned(Collection<Long> userIds, Instant from, Instant to) {
		Map<Long, Duration> planned = new HashMap<>();
		if (!to.isAfter(from) || userIds.isEmpty()) {
			return planned;
		}
		ZoneId zone = this.shifts.zone();
		// a day either side: a night shift that starts the evening before still counts
		LocalDate first = LocalDate.ofInstant(from, zone).minusDays(1);
		LocalDate last = LocalDate.ofInstant(to, zone).plusDays(1);
		Plan plan = this.plans.plan(first, (int) ChronoUnit.DAYS.between(first, last) + 1, zone);
		for (long userId : userIds) {
			if (plan.source(userId) == Plan.Source.UNPLANNED) {
				continue;
			}
			long ms = 0;
			for (Schedule.Interval interval : plan.agent(userId).intervals(first, last.plusDays(1))) {
				Instant start = interval.start().isAfter(from) ? interval.start() : from;
				Instant end = interval.end().isBefore(to) ? interval.end() : to;
				if (end.isAfter(start)) {
					ms += end.toEpochMilli() - start.toEpochMilli();
				}
			}
			planned.put(userId, Duration.ofMillis(ms));
		}
		return planned;
	}

}
