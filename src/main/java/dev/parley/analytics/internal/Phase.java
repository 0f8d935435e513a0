package dev.parley.analytics.internal;

/** Where a conversation stood after the last line folded into its figures. */
enum Phase {

	/** In a queue (or a left message's backlog), with nobody assigned. */
	WAITING,

	/** With an agent. */
	ASSIGNED,

	CLOSED

}
