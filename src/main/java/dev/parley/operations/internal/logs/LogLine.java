package dev.parley.operations.internal.logs;

import java.time.Instant;

/**
 * One line of a log file as the viewer shows it.
 *
 * @param at when it was written
 * @param level TRACE, DEBUG, INFO, WARN or ERROR
 * @param type the {@link LogType#id()}: application, access, security, slow-query
 * @param node the id of the node whose file holds it
 * @param logger the logger's name
 * @param message the message
 * @param correlationId the request's or frame's correlation id; null when none
 * @param thread the thread that wrote it
 * @param error the exception's type, message and stack trace; null when none
 */
public record LogLine(Instant at, String level, String type, String node, String logger, String message,
		String correlationId, String thread, String error) {

	LogLine withNode(String node) {
		return new LogLine(this.at, this.level, this.type, node, this.logger, this.message, this.correlationId,
				this.thread, this.error);
	}

}
