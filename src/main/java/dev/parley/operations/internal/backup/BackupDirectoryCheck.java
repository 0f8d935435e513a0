package dev.parley.operations.internal.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.parley.operations.SelfCheck;
import dev.parley.operations.SelfCheckContext;
import dev.parley.operations.SelfCheckResult;
import dev.parley.operations.internal.DiskSpaceCheck;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Self-check: backups can be written where the strategy sends them, and the last one did
 * not fail.
 */
@Component
@Order(80)
class BackupDirectoryCheck implements SelfCheck {

	private final StrategyRepository strategies;

	private final BackupFiles files;

	private final BackupCatalogue catalogue;

	BackupDirectoryCheck(StrategyRepository strategies, BackupFiles files, BackupCatalogue catalogue) {
		this.strategies = strategies;
		this.files = files;
		this.catalogue = catalogue;
	}

	@Override
	public String key() {
		return "backup-directory";
	}

	@Override
	public SelfCheckResult run(SelfCheckContext context) {
		Path directory = this.files.directory(this.strategies.get());
		try {
			Files.createDirectories(directory);
			Files.delete(Files.createTempFile(directory, ".write-check-", ".tmp"));
		}
		catch (IOException | RuntimeException ex) {
			return SelfCheckResult.failed("selfCheck.backup-directory.notWritable", "path", directory)
				.withFix("selfCheck.backup-directory.fixWritable", "path", directory);
		}
		String free = DiskSpaceCheck.bytes(directory.toFile().getUsableSpace());
		BackupRun latest = this.catalogue.latest().orElse(null);
		if (latest == null) {
			return SelfCheckResult.warning("selfCheck.backup-directory.none", "path", directory, "free", free)
				.withFix("selfCheck.backup-directory.fixNone");
		}
		if (latest.status() == BackupStatus.FAILED) {
			return SelfCheckResult.warning("selfCheck.backup-directory.lastFailed", "path", directory, "free", free)
				.withFix("selfCheck.backup-directory.fixFailed");
		}
		return SelfCheckResult.ok("selfCheck.backup-directory.writable", "path", directory, "free", free);
	}

}
