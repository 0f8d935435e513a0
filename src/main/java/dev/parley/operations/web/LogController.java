package dev.parley.operations.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import dev.parley.operations.internal.logs.LogLine;
import dev.parley.operations.internal.logs.LogQueries;
import dev.parley.operations.internal.logs.LogResult;
import dev.parley.operations.internal.logs.LogSearch;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The log viewer of technical support ({@code log.view}): the lines of every node's log
 * files in a time range, filtered, newest first, as a page or as a download of JSON
 * lines. Without a range: the last hour.
 */
@RestController
class LogController {

	private final LogSearch logs;

	private final LogQueries queries;

	private final JsonMapper json;

	LogController(LogSearch logs, LogQueries queries, JsonMapper json) {
		this.logs = logs;
		this.queries = queries;
		this.json = json;
	}

	/**
	 * @param level levels wanted (TRACE, DEBUG, INFO, WARN, ERROR); none: all
	 * @param type types wanted (application, access, security, slow-query); none: all
	 * @param regex whether {@code text} is a regular expression (RE2) instead of plain
	 * text
	 */
	@GetMapping("/api/v1/operations/logs")
	@RequiresPermission(Permission.LOG_VIEW)
	LogResult search(@RequestParam(required = false) Instant since, @RequestParam(required = false) Instant until,
			@RequestParam(required = false) List<String> level, @RequestParam(required = false) List<String> type,
			@RequestParam(required = false) String node, @RequestParam(required = false) String logger,
			@RequestParam(required = false) String text, @RequestParam(defaultValue = "false") boolean regex,
			@RequestParam(required = false) String correlationId, @RequestParam(required = false) Integer limit) {
		return this.logs.search(this.queries.parse(
				new LogQueries.Parameters(since, until, level, type, node, logger, text, regex, correlationId, limit),
				LogQueries.MAX_PAGE));
	}

	/** The same lines as a file of JSON lines, at most 10,000. */
	@GetMapping("/api/v1/operations/logs/download")
	@RequiresPermission(Permission.LOG_VIEW)
	ResponseEntity<StreamingResponseBody> download(@RequestParam(required = false) Instant since,
			@RequestParam(required = false) Instant until, @RequestParam(required = false) List<String> level,
			@RequestParam(required = false) List<String> type, @RequestParam(required = false) String node,
			@RequestParam(required = false) String logger, @RequestParam(required = false) String text,
			@RequestParam(defaultValue = "false") boolean regex, @RequestParam(required = false) String correlationId,
			@RequestParam(required = false) Integer limit) {
		LogResult result = this.logs
			.search(this.queries.parse(new LogQueries.Parameters(since, until, level, type, node, logger, text, regex,
					correlationId, (limit != null) ? limit : LogQueries.MAX_DOWNLOAD), LogQueries.MAX_DOWNLOAD));
		StreamingResponseBody body = (out) -> write(result.lines(), out);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"parley-logs.ndjson\"")
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.body(body);
	}

	private void write(List<LogLine> lines, OutputStream out) throws IOException {
		for (int i = lines.size() - 1; i >= 0; i--) {
			LogLine line = lines.get(i);
			out.write(this.json.writeValueAsString(line).getBytes(StandardCharsets.UTF_8));
			out.write('\n');
		}
	}

}
