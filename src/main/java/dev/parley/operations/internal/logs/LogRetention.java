package dev.parley.operations.internal.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.parley.operations.internal.logs.LogsConfiguration.LogDirectory;
import dev.parley.platform.RunsDuringMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the log files within {@code parley.logs.max-age} and
 * {@code parley.logs.max-total-size}, hourly: rolled files older than the age go first,
 * then the oldest rolled files while all of them (the files being written included) are
 * larger than the size. A file being written is never deleted.
 */
@Component
class LogRetention {

	private static final Logger logger = LoggerFactory.getLogger(LogRetention.class);

	/** A rolled file: {@code <type>.<yyyy-MM-dd>.<n>.json}. */
	static final Pattern ROLLED = Pattern.compile("[a-z-]+\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.json");

	private final Path directory;

	private final LogsProperties properties;

	private final Clock clock;

	LogRetention(LogDirectory directory, LogsProperties properties, Clock clock) {
		this.directory = directory.path();
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
	@RunsDuringMaintenance
	void prune() {
		List<Path> deleted = prune(this.directory, this.clock.instant(), this.properties.maxAge(),
				this.properties.maxTotalSize().toBytes());
		if (!deleted.isEmpty()) {
			logger.info("Deleted {} old log files", deleted.size());
		}
	}

	/**
	 * @return the files deleted
	 */
	static List<Path> prune(Path directory, Instant now, Duration maxAge, long maxTotalBytes) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		List<FileInfo> files = new ArrayList<>();
		try (Stream<Path> listing = Files.list(directory)) {
			for (Path file : (Iterable<Path>) listing::iterator) {
				if (file.getFileName().toString().endsWith(".json") && Files.isRegularFile(file)) {
					files.add(new FileInfo(file, Files.getLastModifiedTime(file).toInstant(), Files.size(file),
							ROLLED.matcher(file.getFileName().toString()).matches()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		files.sort(Comparator.comparing(FileInfo::modified));
		long total = files.stream().mapToLong(FileInfo::size).sum();
		Instant oldest = now.minus(maxAge);
		List<Path> deleted = new ArrayList<>();
		for (FileInfo file : files) {
			if (file.rolled() && (file.modified().isBefore(oldest) || total > maxTotalBytes) && delete(file.path())) {
				total -= file.size();
				deleted.add(file.path());
			}
		}
		return deleted;
	}

	private static boolean delete(Path file) {
		try {
			return Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("Could not delete the old log file {}: {}", file, ex.getMessage());
			return false;
		}
	}

	private record FileInfo(Path path, Instant modified, long size, boolean rolled) {
	}

}
