package dev.parley.operations.internal.backup;

/** Where a backup in the catalogue stands. */
public enum BackupStatus {

	RUNNING, SUCCEEDED, FAILED,

	/** Its file was removed (by retention or by hand); the entry stays as history. */
	DELETED

}
