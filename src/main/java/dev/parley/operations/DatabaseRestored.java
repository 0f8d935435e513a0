package dev.parley.operations;

/**
 * The database was replaced by a backup's contents (every module's data changed at once:
 * caches and anything kept in memory must be read again).
 *
 * @param backupId the backup restored, or null for a file given on the command line
 * @param restoreId the restore's entry in the restore log
 */
public record DatabaseRestored(Long backupId, long restoreId, String actor) {
}
