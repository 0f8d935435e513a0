package dev.parley.operations.internal.logs;

import java.util.List;

/** The other nodes of a cluster, asked for the lines of their own files. */
interface LogPeers {

	/**
	 * @return one result per other node that answered in time; a node that did not answer
	 * comes back as an empty, incomplete result
	 */
	List<LogResult> ask(LogQuery query);

}
