package dev.parley.operations;

/**
 * A backup ended, successfully or not.
 *
 * @param backupId its entry in the catalogue
 * @param scheduled whether the schedule started it (false: a person)
 * @param error why it failed, or null when it succeeded
 */
public record BackupFinished(long backupId, BackupKind kind, boolean scheduled, boolean succeeded, String error) {
}
