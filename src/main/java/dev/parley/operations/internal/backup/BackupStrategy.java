package dev.parley.operations.internal.backup;

import java.util.Map;

import dev.parley.operations.BackupKind;

/**
 * The backup strategy (R4.1): when each kind runs, where files go, how they are written
 * and how many are kept.
 *
 * @param directory where backup files go; null for {@code backups} in the data directory
 * @param schedules per kind, a cron expression (second minute hour day month weekday, in
 * the organisation's time zone) or null when that kind is not scheduled
 * @param keepDaily the newest scheduled backup of each of this many most recent days is
 * kept
 * @param keepWeekly likewise for weeks (Monday to Sunday)
 * @param keepMonthly likewise for months
 * @param verifyCron when backups are verified, or null for never
 */
public record BackupStrategy(String directory, Map<BackupKind, String> schedules, boolean compress, boolean encrypt,
		int keepDaily, int keepWeekly, int keepMonthly, String verifyCron) {
}
