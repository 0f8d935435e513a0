package dev.parley.operations.internal.logs;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of log line, each written to files of its own ({@code <id>.json} and its
 * rolled {@code <id>.<date>.<n>.json}). Every kind but the application's has a logger of
 * its own that writes nowhere else; the modules log to these names without depending on
 * this class.
 */
public enum LogType {

	/** Everything the application logs, by any logger but the three below. */
	APPLICATION("application", null),

	/** One line per HTTP request: method, path, status, duration (no query, no body). */
	ACCESS("access", "parley.access"),

	/** Sign-ins, lockouts, refused access and permission changes (as the audit table). */
	SECURITY("security", "parley.security"),

	/**
	 * Statements slower than {@code parley.logs.slow-query-threshold}, without values.
	 */
	SLOW_QUERY("slow-query", "parley.slow-query");

	private final String id;

	private final String logger;

	LogType(String id, String logger) {
		this.id = id;
		this.logger = logger;
	}

	/**
	 * @return the name in the API, the console and the file names
	 */
	public String id() {
		return this.id;
	}

	/**
	 * @return the logger whose lines this type holds; none for the application
	 */
	String logger() {
		return this.logger;
	}

	/**
	 * @return the type of an API name ({@code slow-query}), in any case
	 */
	public static Optional<LogType> of(String id) {
		for (LogType type : values()) {
			if (type.id.equals(id.toLowerCase(Locale.ROOT))) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
