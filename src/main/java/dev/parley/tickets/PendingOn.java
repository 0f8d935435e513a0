package dev.parley.tickets;

/**
 * Whom a pending ticket waits on: the customer pauses the SLA, a third party does not.
 */
public enum PendingOn {

	CUSTOMER, THIRD_PARTY

}
