package dev.parley.operations.internal.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one node's log files for a query: only the files whose first and last lines say
 * they can hold the range, the one ending last first, so that once the page is full the
 * older files are not read at all; of their lines only those whose timestamp (the first
 * field of every ECS line) is in the range and whose raw text can match
 * ({@link Prefilter}) are parsed and filtered. Stops when its time budget or
 * {@link #MAX_LINES} lines read are spent and says the result is incomplete.
 */
class LogReader {

	static final long MAX_LINES = 5_000_000;

	private static final String TIMESTAMP = "{\"@timestamp\":\"";

	private static final int MAX_FILTERED_CHARS = 20_000;

	private final Path directory;

	private final JsonMapper json;

	private final Duration budget;

	LogReader(Path directory, JsonMapper json, Duration budget) {
		this.directory = directory;
		this.json = json;
		this.budget = budget;
	}

	/**
	 * @param node the id written into each line found
	 * @return the newest {@code query.limit()} matching lines, newest first
	 */
	LogResult read(LogQuery query, String node) {
		long deadline = System.nanoTime() + this.budget.toNanos();
		PriorityQueue<Found> newest = new PriorityQueue<>(Comparator.comparing(Found::at).thenComparing(Found::seq));
		long seq = 0;
		boolean complete = true;
		String text = (query.text() != null) ? query.text().toLowerCase(Locale.ROOT) : null;
		Prefilter prefilter = Prefilter.of(query, text);
		reading: for (Span span : spans(query)) {
			// newest files first: once the page is full and a file ends before its oldest
			// line, no older file can add one
			if (newest.size() >= query.limit() && span.last().isBefore(newest.peek().at())) {
				break;
			}
			try (BufferedReader reader = Files.newBufferedReader(span.file().path(), StandardCharsets.UTF_8)) {
				String raw;
				while ((raw = reader.readLine()) != null) {
					seq++;
					if ((seq & 255) == 0 && (System.nanoTime() > deadline || seq > MAX_LINES)) {
						complete = false;
						break reading;
					}
					if (!prefilter.mayMatch(raw)) {
						continue;
					}
					Instant at = timestamp(raw);
					if (at == null || at.isBefore(query.from()) || at.isAfter(query.to())) {
						continue;
					}
					if (newest.size() >= query.limit() && at.isBefore(newest.peek().at())) {
						continue;
					}
					LogLine line = parse(raw, at, span.file().type(), node);
					if (line != null && matches(line, query, text)) {
						newest.add(new Found(line, seq));
						if (newest.size() > query.limit()) {
							newest.poll();
						}
					}
				}
			}
			catch (NoSuchFileException ex) {
				// rolled over or deleted while listing
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		List<LogLine> lines = new ArrayList<>(newest.size());
		while (!newest.isEmpty()) {
			lines.add(newest.poll().line());
		}
		java.util.Collections.reverse(lines);
		return new LogResult(lines, complete, List.of(node));
	}

	/**
	 * The files that can hold lines of the range, the one ending last first: each file's
	 * first and last line say the time it covers.
	 */
	List<Span> spans(LogQuery query) {
		List<Span> spans = new ArrayList<>();
		for (FileOfType file : files(query)) {
			Span span = LogFileSpans.of(file);
			if (span != null && !span.last().isBefore(query.from()) && !span.first().isAfter(query.to())) {
				spans.add(span);
			}
		}
		spans.sort(Comparator.comparing(Span::last).reversed());
		return spans;
	}

	private static boolean matches(LogLine line, LogQuery query, String text) {
		if (query.levels() != null && !query.levels().isEmpty()
				&& query.levels().stream().noneMatch((level) -> level.name().equals(line.level()))) {
			return false;
		}
		if (query.logger() != null && (line.logger() == null || !line.logger().startsWith(query.logger()))) {
			return false;
		}
		if (query.correlationId() != null && !query.correlationId().equals(line.correlationId())) {
			return false;
		}
		if (text == null && query.pattern() == null) {
			return true;
		}
		String searched = (line.error() != null) ? line.message() + "\n" + line.error() : line.message();
		if (searched.length() > MAX_FILTERED_CHARS) {
			searched = searched.substring(0, MAX_FILTERED_CHARS);
		}
		if (text != null && !searched.toLowerCase(Locale.ROOT).contains(text)) {
			return false;
		}
		return query.pattern() == null || query.pattern().matcher(searched).find();
	}

	/**
	 * @return the time of an ECS line, or null when it is not one
	 */
	static Instant timestamp(String raw) {
		if (!raw.startsWith(TIMESTAMP)) {
			return null;
		}
		int end = raw.indexOf('"', TIMESTAMP.length());
		if (end < 0) {
			return null;
		}
		try {
			return Instant.parse(raw.substring(TIMESTAMP.length(), end));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private LogLine parse(String raw, Instant at, LogType type, String node) {
		JsonNode line;
		try {
			line = this.json.readTree(raw);
		}
		catch (RuntimeException ex) {
			return null;
		}
		JsonNode log = line.path("log");
		JsonNode error = line.path("error");
		String errorText = null;
		if (!error.isMissingNode()) {
			String trace = text(error.path("stack_trace"));
			errorText = (trace != null) ? trace : text(error.path("type")) + ": " + text(error.path("message"));
		}
		return new LogLine(at, text(log.path("level")), type.id(), node, text(log.path("logger")),
				String.valueOf(text(line.path("message"))), text(line.path("correlation").path("id")),
				text(line.path("process").path("thread").path("name")), errorText);
	}

	private static String text(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : node.asString();
	}

	/**
	 * @return the files of the wanted types whose days can hold the range
	 */
	List<FileOfType> files(LogQuery query) {
		LocalDate first = query.from().atZone(ZoneOffset.UTC).toLocalDate();
		LocalDate last = query.to().atZone(ZoneOffset.UTC).toLocalDate();
		List<FileOfType> files = new ArrayList<>();
		if (!Files.isDirectory(this.directory)) {
			return files;
		}
		try (Stream<Path> listing = Files.list(this.directory)) {
			for (Path path : (Iterable<Path>) listing::iterator) {
				String name = path.getFileName().toString();
				for (LogType type : LogType.values()) {
					if (!query.wants(type) || !name.startsWith(type.id() + ".")) {
						continue;
					}
					String rest = name.substring(type.id().length() + 1);
					if (rest.equals("json")) {
						files.add(new FileOfType(path, type));
					}
					else if (LogRetention.ROLLED.matcher(name).matches()) {
						LocalDate day = LocalDate.parse(rest.substring(0, 10));
						if (!day.isBefore(first) && !day.isAfter(last)) {
							files.add(new FileOfType(path, type));
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	record FileOfType(Path path, LogType type) {
	}

	/** A file with the times of its first and last line. */
	record Span(FileOfType file, Instant first, Instant last) {
	}

	private record Found(LogLine line, long seq) {

		Instant at() {
			return this.line.at();
		}

	}

}
