package dev.parley.operations.internal.logs;

import java.time.Instant;
import java.util.List;

/**
 * Reads the log files of every node (for the fault records' evidence and the viewer).
 */
public interface LogSearch {

	/**
	 * @param from the earliest time, inclusive
	 * @param to the latest time, inclusive
	 * @param limit at most this many lines (1-10,000)
	 * @return the ERROR lines of every type and every node written in the window, newest
	 * first; fewer when a node did not answer or its read ran out of time
	 */
	List<LogLine> errors(Instant from, Instant to, int limit);

	/**
	 * @return the lines the query selects, newest first, and whether every node read all
	 * its files in time
	 */
	LogResult search(LogQuery query);

}
