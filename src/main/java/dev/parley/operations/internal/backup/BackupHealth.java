package dev.parley.operations.internal.backup;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * What the status screen and the alert rules need of the backups: where they are written
 * (its disk space is watched) and whether the last one failed, or failed its
 * verification.
 */
@Component
public class BackupHealth {

	private final BackupFiles files;

	private final StrategyRepository strategies;

	private final BackupCatalogue catalogue;

	BackupHealth(BackupFiles files, StrategyRepository strategies, BackupCatalogue catalogue) {
		this.files = files;
		this.strategies = strategies;
		this.catalogue = catalogue;
	}

	/** The directory backups are written to now. */
	public Path directory() {
		return this.files.directory(this.strategies.get());
	}

	/** Whether the latest finished backup failed or failed its verification. */
	public boolean lastFailed() {
		return this.catalogue.latest()
			.map((run) -> run.status() == BackupStatus.FAILED || run.verification() == Verification.FAILED)
			.orElse(false);
	}

}
