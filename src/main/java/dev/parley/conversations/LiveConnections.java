package dev.parley.conversations;

import java.util.Set;

/** Who has a live staff connection (a console tab) open on this node. */
public interface LiveConnections {

	/**
	 * @return the ids of staff users with at least one open connection to this node
	 */
	Set<Long> connectedStaff();

}
