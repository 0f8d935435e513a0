package dev.parley.operations.internal.alerts;

import java.math.BigDecimal;

/** Which side of the threshold is trouble. */
public enum Comparison {

	ABOVE, BELOW;

	boolean breaches(BigDecimal value, BigDecimal threshold) {
		int order = value.compareTo(threshold);
		return (this == ABOVE) ? order > 0 : order < 0;
	}

}
