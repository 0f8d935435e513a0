package dev.parley.operations.internal.logs;

import java.time.Instant;
import java.util.Set;

import com.google.re2j.Pattern;

/**
 * What the viewer asks of each node's files; every part but the range is optional (null
 * or empty: any).
 *
 * @param from the earliest time, inclusive
 * @param to the latest time, inclusive
 * @param levels the levels wanted
 * @param types the types wanted
 * @param node only this node's lines
 * @param logger loggers whose name starts with this
 * @param text lines whose message or error contains this (case-insensitive)
 * @param pattern lines whose message or error this RE2 expression finds
 * @param correlationId only the lines of this request or frame
 * @param limit at most this many lines, the newest
 */
public record LogQuery(Instant from, Instant to, Set<LogLevel> levels, Set<LogType> types, String node, String logger,
		String text, Pattern pattern, String correlationId, int limit) {

	boolean wants(LogType type) {
		return this.types == null || this.types.isEmpty() || this.types.contains(type);
	}

}
