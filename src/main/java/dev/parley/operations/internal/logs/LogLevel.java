package dev.parley.operations.internal.logs;

/** The levels of a log line. */
public enum LogLevel {

	TRACE, DEBUG, INFO, WARN, ERROR

}
