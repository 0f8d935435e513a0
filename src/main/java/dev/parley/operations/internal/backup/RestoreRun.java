package dev.parley.operations.internal.backup;

import java.time.Instant;

/** One restore in the restore log. */
public record RestoreRun(long id, Long backupId, String fileName, RestoreStatus status, String startedBy, String node,
		Instant startedAt, Instant finishedAt, String progress, String error, String report) {

	public enum RestoreStatus {

		RUNNING, SUCCEEDED,

		/** Nothing was changed: the database holds what it held before. */
		FAILED

	}

}
