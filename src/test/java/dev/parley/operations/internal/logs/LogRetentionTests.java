package dev.parley.operations.internal.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rolled log files go by age, then the oldest while all files are over the size; the
 * files being written stay whatever their age or size.
 */
class LogRetentionTests {

	private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	@TempDir
	Path directory;

	@Test
	void deletesRolledFilesOlderThanTheAge() throws IOException {
		Path old = file("application.2026-11-20.0.json", 100, NOW.minus(Duration.ofDays(17)));
		Path recent = file("application.2026-12-01.0.json", 100, NOW.minus(Duration.ofDays(6)));
		Path active = file("application.json", 100, NOW.minus(Duration.ofDays(30)));
		assertThat(LogRetention.prune(this.directory, NOW, Duration.ofDays(14), 10_000)).containsExactly(old);
		assertThat(recent).exists();
		assertThat(active).exists();
	}

	@Test
	void deletesTheOldestRolledFilesWhileOverTheSize() throws IOException {
		Path oldest = file("access.2026-12-04.0.json", 400, NOW.minus(Duration.ofDays(3)));
		Path older = file("security.2026-12-05.0.json", 400, NOW.minus(Duration.ofDays(2)));
		Path newer = file("access.2026-12-06.0.json", 400, NOW.minus(Duration.ofDays(1)));
		Path active = file("access.json", 400, NOW);
		Path other = file("notes.txt", 5_000, NOW.minus(Duration.ofDays(90)));
		assertThat(LogRetention.prune(this.directory, NOW, Duration.ofDays(14), 1_000)).containsExactly(oldest, older);
		assertThat(newer).exists();
		assertThat(active).exists();
		assertThat(other).exists();
	}

	private Path file(String name, int size, Instant modified) throws IOException {
		Path file = Files.write(this.directory.resolve(name), new byte[size]);
		Files.setLastModifiedTime(file, FileTime.from(modified));
		return file;
	}

}
