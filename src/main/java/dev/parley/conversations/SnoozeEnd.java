package dev.parley.conversations;

/** Why a conversation's snooze ended. */
public enum SnoozeEnd {

	/** Its time came (the wake-up sweep). */
	TIME,

	/** The customer wrote. */
	CUSTOMER_REPLY,

	/** Its agent took it back by hand. */
	AGENT,

	/** It was closed. */
	CLOSED,

	/** It was transferred to another agent or back to a queue. */
	TRANSFERRED

}
