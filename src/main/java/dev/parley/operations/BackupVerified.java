package dev.parley.operations;

/**
 * A backup's verification (checksums re-read and a trial restore) ended.
 *
 * @param detail why it failed, or a summary when it passed
 * @param at when it ended
 */
public record BackupVerified(long backupId, boolean passed, String detail, java.time.Instant at) {
}
