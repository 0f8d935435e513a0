package dev.parley.operations.internal.faults;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.operations.internal.logs.LogLine;
import dev.parley.operations.internal.logs.LogSearch;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The error lines every node's logs hold for a fault's window, newest first, at most
 * {@value #MAX_LINES}; each message cut to {@value #MAX_MESSAGE} characters (the stack
 * trace stays in the files, a click away in the log viewer).
 */
@Component
class LogEvidence implements EvidenceSource {

	static final int MAX_LINES = 200;

	static final int MAX_MESSAGE = 2000;

	private final LogSearch logs;

	private final JsonMapper json;

	LogEvidence(LogSearch logs, JsonMapper json) {
		this.logs = logs;
		this.json = json;
	}

	@Override
	public EvidenceKind kind() {
		return EvidenceKind.LOG_LINES;
	}

	@Override
	public String capture(Instant from, Instant to) {
		List<Map<String, Object>> lines = this.logs.errors(from, to, MAX_LINES)
			.stream()
			.map(LogEvidence::line)
			.toList();
		return this.json.writeValueAsString(Map.of("lines", lines));
	}

	private static Map<String, Object> line(LogLine line) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("at", line.at().toString());
		entry.put("level", line.level());
		entry.put("type", line.type());
		entry.put("node", line.node());
		entry.put("logger", line.logger());
		String message = (line.message() != null) ? line.message() : "";
		entry.put("message", (message.length() > MAX_MESSAGE) ? message.substring(0, MAX_MESSAGE) + "…" : message);
		entry.put("correlationId", line.correlationId());
		return entry;
	}

}
