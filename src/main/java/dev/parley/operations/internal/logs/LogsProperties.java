package dev.parley.operations.internal.logs;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The log files (docs/operations.md, "Logs").
 *
 * @param directory where the files go; empty: {@code logs} under {@code parley.data-dir}
 * @param maxFileSize a file rolls over at this size (and at midnight UTC)
 * @param maxAge rolled files older than this are deleted
 * @param maxTotalSize the oldest rolled files are deleted while all files together are
 * larger
 * @param slowQueryThreshold statements taking at least this long go to the slow-query
 * log; zero or negative: no proxy around the pool at all
 * @param maxQueryRange the longest time range one viewer query may cover
 * @param queryBudget how long one viewer query may read a node's files before it answers
 * with what it found
 */
@ConfigurationProperties("parley.logs")
public record LogsProperties(Path directory, @DefaultValue("10MB") DataSize maxFileSize,
		@DefaultValue("14d") Duration maxAge, @DefaultValue("1GB") DataSize maxTotalSize,
		@DefaultValue("500ms") Duration slowQueryThreshold, @DefaultValue("7d") Duration maxQueryRange,
		@DefaultValue("3s") Duration queryBudget) {

	/**
	 * @return the directory, given the data directory
	 */
	Path directory(Path dataDir) {
		return (this.directory != null && !this.directory.toString().isBlank()) ? this.directory
				: dataDir.resolve("logs");
	}

}
