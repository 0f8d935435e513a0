package dev.parley.operations.internal.backup;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which scheduled backups to keep (grandfather-father-son): the newest of each of the
 * {@code keepDaily} most recent days that have one, of the {@code keepWeekly} most recent
 * weeks and of the {@code keepMonthly} most recent months, in the organisation's time
 * zone. Backups taken by a person are never removed by retention.
 */
final class Retention {

	private Retention() {
	}

	/**
	 * @param scheduled the successful scheduled backups, newest first
	 * @return the ids of those to keep
	 */
	static Set<Long> keep(List<BackupRun> scheduled, BackupStrategy strategy, ZoneId zone) {
		Set<Long> keep = new HashSet<>();
		keep.addAll(newestPer(scheduled, zone, strategy.keepDaily(), ZonedDateTime::toLocalDate));
		keep.addAll(newestPer(scheduled, zone, strategy.keepWeekly(),
				(time) -> time.get(IsoFields.WEEK_BASED_YEAR) * 100 + time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
		keep.addAll(newestPer(scheduled, zone, strategy.keepMonthly(),
				(time) -> time.getYear() * 100 + time.getMonthValue()));
		return keep;
	}

	private static Set<Long> newestPer(List<BackupRun> newestFirst, ZoneId zone, int periods,
			Function<ZonedDateTime, Object> period) {
		Set<Object> seen = new LinkedHashSet<>();
		Set<Long> keep = new HashSet<>();
		for (BackupRun run : newestFirst) {
			if (seen.size() >= periods && !seen.contains(period.apply(run.startedAt().atZone(zone)))) {
				break;
			}
			if (seen.add(period.apply(run.startedAt().atZone(zone)))) {
				keep.add(run.id());
			}
		}
		return keep;
	}

}
