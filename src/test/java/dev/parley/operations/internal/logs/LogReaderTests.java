package dev.parley.operations.internal.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer's filters over files as Spring Boot's ECS format writes them: the time range
 * (rolled files of other days are not even opened), level, type, logger, text, regular
 * expression and correlation id, newest first within the limit.
 */
class LogReaderTests {

	private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

	@TempDir
	Path directory;

	private LogReader reader;

	@BeforeEach
	void files() throws IOException {
		Files.write(this.directory.resolve("application.json"),
				List.of(line(T.minusSeconds(60), "INFO", "dev.parley.agents.Router", "Routed conversation 7", "c-1"),
						line(T, "ERROR", "dev.parley.tickets.Sla", "SLA sweep failed", "c-2"),
						line(T.plusSeconds(60), "WARN", "dev.parley.agents.Presence", "Agent 12 went away", null),
						"not json at all"));
		Files.write(this.directory.resolve("access.json"),
				List.of(line(T.plusSeconds(1), "INFO", "parley.access", "GET /api/v1/tickets 200 3 ms", "c-2")));
		Files.write(this.directory.resolve("security.json"),
				List.of(line(T.plusSeconds(2), "WARN", "parley.security", "login.failed alice", "c-3")));
		Files.write(this.directory.resolve("application.2026-12-01.0.json"),
				List.of(line(Instant.parse("2026-12-01T10:00:00Z"), "ERROR", "dev.parley.Old", "Old error", null)));
		this.reader = new LogReader(this.directory, JsonMapper.builder().build(), Duration.ofSeconds(5));
	}

	@Test
	void allTypesInTheRangeNewestFirst() {
		List<LogLine> lines = read(query(null, null, null, null, null, null));
		assertThat(lines).extracting(LogLine::message)
			.containsExactly("Agent 12 went away", "login.failed alice", "GET /api/v1/tickets 200 3 ms",
					"SLA sweep failed", "Routed conversation 7");
		assertThat(lines.get(1).type()).isEqualTo("security");
		assertThat(lines.get(3)).satisfies((line) -> {
			assertThat(line.level()).isEqualTo("ERROR");
			assertThat(line.correlationId()).isEqualTo("c-2");
			assertThat(line.node()).isEqualTo("node-1");
			assertThat(line.logger()).isEqualTo("dev.parley.tickets.Sla");
			assertThat(line.thread()).isEqualTo("main");
		});
	}

	@Test
	void timeRange() {
		LogQuery query = new LogQuery(T.minusSeconds(1), T.plusSeconds(1), null, null, null, null, null, null, null,
				100);
		assertThat(read(query)).extracting(LogLine::message)
			.containsExactly("GET /api/v1/tickets 200 3 ms", "SLA sweep failed");
		LogQuery old = new LogQuery(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T23:00:00Z"), null,
				null, null, null, null, null, null, 100);
		assertThat(read(old)).extracting(LogLine::message).containsExactly("Old error");
		assertThat(this.reader.files(query)).extracting((file) -> file.path().getFileName().toString())
			.doesNotContain("application.2026-12-01.0.json");
	}

	@Test
	void filesEndingLastAreReadFirstAndOlderFilesNotAtAllOnceThePageIsFull() throws IOException {
		Path other = this.directory.resolve("week");
		Files.createDirectories(other);
		Instant day = Instant.parse("2026-12-03T00:00:00Z");
		// an older day's files and the newest, a page's worth in the newest
		Files.write(other.resolve("application.2026-12-02.0.json"),
				List.of(line(day.minusSeconds(3600), "ERROR", "dev.parley.A", "older error", null)));
		Files.write(other.resolve("application.2026-12-03.0.json"),
				List.of(line(day.plusSeconds(60), "ERROR", "dev.parley.A", "first error of the day", null),
						line(day.plusSeconds(120), "ERROR", "dev.parley.A", "second error of the day", null)));
		Files.write(other.resolve("access.2026-12-02.0.json"), List.of("garbage that is no ECS line"));
		LogReader week = new LogReader(other, JsonMapper.builder().build(), Duration.ofSeconds(5));
		LogQuery two = new LogQuery(day.minusSeconds(86_400), day.plusSeconds(86_400), null, null, null, null, null,
				null, null, 2);
		LogResult result = week.read(two, "node-1");
		assertThat(result.lines()).extracting(LogLine::message)
			.containsExactly("second error of the day", "first error of the day");
		assertThat(result.complete()).isTrue();
		assertThat(week.spans(two)).extracting((span) -> span.file().path().getFileName().toString())
			.containsExactly("application.2026-12-03.0.json", "application.2026-12-02.0.json");
	}

	@Test
	void aTextWithCharactersJsonEscapesIsStillFound() throws IOException {
		// as the encoder writes it: the quotes escaped in the raw line
		Files.write(this.directory.resolve("slow-query.json"), List
			.of(line(T.plusSeconds(3), "WARN", "parley.slow-query", "SELECT \\\"name\\\" FROM a/b WHERE x = ?", null)));
		LogQuery quoted = new LogQuery(T.minusSeconds(600), T.plusSeconds(600), null, null, null, null,
				"\"name\" from a/b", null, null, 10);
		assertThat(read(quoted)).extracting(LogLine::message).containsExactly("SELECT \"name\" FROM a/b WHERE x = ?");
	}

	@Test
	void levelTypeLoggerTextRegexAndCorrelation() {
		assertThat(read(query(EnumSet.of(LogLevel.ERROR, LogLevel.WARN), EnumSet.of(LogType.APPLICATION), null, null,
				null, null)))
			.extracting(LogLine::message)
			.containsExactly("Agent 12 went away", "SLA sweep failed");
		assertThat(read(query(null, null, "dev.parley.agents", null, null, null))).extracting(LogLine::message)
			.containsExactly("Agent 12 went away", "Routed conversation 7");
		assertThat(read(query(null, null, null, "sla SWEEP", null, null))).extracting(LogLine::message)
			.containsExactly("SLA sweep failed");
		assertThat(read(query(null, null, null, null, Pattern.compile("(?i)(agent|conversation) \\d+"), null)))
			.extracting(LogLine::message)
			.containsExactly("Agent 12 went away", "Routed conversation 7");
		assertThat(read(query(null, null, null, null, null, "c-2"))).extracting(LogLine::type)
			.containsExactly("access", "application");
	}

	@Test
	void keepsTheNewestWithinTheLimit() {
		LogQuery query = new LogQuery(T.minusSeconds(3600), T.plusSeconds(3600), null, null, null, null, null, null,
				null, 2);
		assertThat(read(query)).extracting(LogLine::message)
			.containsExactly("Agent 12 went away", "login.failed alice");
	}

	@Test
	void nestedQuantifiersRunInLinearTime() throws IOException {
		String as = "a".repeat(50_000);
		Files.write(this.directory.resolve("slow-query.json"), List.of(line(T, "WARN", "parley.slow-query", as, null)));
		long started = System.nanoTime();
		List<LogLine> lines = read(
				query(null, Set.of(LogType.SLOW_QUERY), null, null, Pattern.compile("(a+)+b"), null));
		assertThat(lines).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	private List<LogLine> read(LogQuery query) {
		LogResult result = this.reader.read(query, "node-1");
		assertThat(result.complete()).isTrue();
		return result.lines();
	}

	private static LogQuery query(Set<LogLevel> levels, Set<LogType> types, String logger, String text, Pattern pattern,
			String correlationId) {
		return new LogQuery(T.minusSeconds(3600), T.plusSeconds(3600), levels, types, null, logger, text, pattern,
				correlationId, 100);
	}

	/** A line as Spring Boot 4's ECS format writes it. */
	static String line(Instant at, String level, String logger, String message, String correlationId) {
		return "{\"@timestamp\":\"" + at + "\",\"log\":{\"level\":\"" + level + "\",\"logger\":\"" + logger
				+ "\"},\"process\":{\"pid\":1,\"thread\":{\"name\":\"main\"}},\"service\":{\"name\":\"parley\"},"
				+ "\"message\":\"" + message + "\""
				+ ((correlationId != null) ? ",\"correlation\":{\"id\":\"" + correlationId + "\"}" : "")
				+ ",\"ecs\":{\"version\":\"8.11\"}}";
	}

}
