package dev.parley.operations;

/** How badly a fault hurts the service, in rising order. */
public enum FaultSeverity {

	/** A small part works worse; a workaround exists. */
	MINOR,

	/** An important function fails or is much slower for many users. */
	MAJOR,

	/** The service or a core function is down. */
	CRITICAL;

	/**
	 * @return the severity of a fault an alert of this severity opens
	 */
	public static FaultSeverity of(AlertSeverity alert) {
		return (alert == AlertSeverity.CRITICAL) ? CRITICAL : MAJOR;
	}

}
