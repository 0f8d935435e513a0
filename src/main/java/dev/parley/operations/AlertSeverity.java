package dev.parley.operations;

/** How urgent an alert is, in rising order. */
public enum AlertSeverity {

	/** Worth a look during working hours. */
	WARNING,

	/** Users notice soon or already: act now. */
	CRITICAL

}
