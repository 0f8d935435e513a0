package dev.parley.operations.internal.backup;

import java.nio.file.Path;
import java.time.Instant;

import dev.parley.operations.BackupKind;

/** One backup in the catalogue. */
public record BackupRun(long id, BackupKind kind, BackupStatus status, boolean scheduled, String startedBy, String node,
		String engine, String schemaVersion, Instant startedAt, Instant finishedAt, String directory, String fileName,
		Long sizeBytes, String sha256, boolean encrypted, boolean compressed, Integer tableCount, Long rowCount,
		String error, Verification verification, Instant verifiedAt, String verificationDetail, Instant deletedAt,
		String deletedBy) {

	public Path file() {
		return Path.of(this.directory).resolve(this.fileName);
	}

	public Long durationMillis() {
		return (this.finishedAt != null) ? this.finishedAt.toEpochMilli() - this.startedAt.toEpochMilli() : null;
	}

}
