package dev.parley.analytics.internal;

import java.time.Instant;

/**
 * One agent's part in one conversation: what counts in his row of the agent report. An
 * agent takes part once he is assigned, or once he writes in it (a supervisor who steps
 * in).
 */
final class Participation {

	final long agentId;

	/**
	 * How often the conversation came to him (assigned, transferred to him, taken over).
	 */
	int assigned;

	/** Whether his message was the conversation's first response. */
	boolean firstResponse;

	Long firstResponseMs;

	Long firstResponseBhMs;

	Samples replies = new Samples();

	int messagesOut;

	/** Time the conversation was with him, over the periods that have ended. */
	long handlingMs;

	long handlingBhMs;

	/** Since when the conversation is with him now; null when it is not. */
	Instant assignedSince;

	/** Whether the conversation closed while it was with him. */
	boolean resolved;

	int transfersOut;

	Participation(long agentId) {
		this.agentId = agentId;
	}

}
