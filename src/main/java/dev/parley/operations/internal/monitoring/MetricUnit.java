package dev.parley.operations.internal.monitoring;

import java.math.BigDecimal;

/** What a metric's numbers mean, and the thresholds an alert rule may set on it. */
public enum MetricUnit {

	PERCENT(BigDecimal.valueOf(100)),

	BYTES(BigDecimal.valueOf(1L << 50)),

	BYTES_PER_SECOND(BigDecimal.valueOf(1L << 40)),

	MILLISECONDS(BigDecimal.valueOf(86_400_000)),

	SECONDS(BigDecimal.valueOf(31_536_000)),

	PER_SECOND(BigDecimal.valueOf(10_000_000)),

	COUNT(BigDecimal.valueOf(1_000_000_000)),

	/** 1 when something is wrong, 0 when not. */
	FLAG(BigDecimal.ONE);

	private final BigDecimal max;

	MetricUnit(BigDecimal max) {
		this.max = max;
	}

	/** The largest threshold that means anything in this unit (the smallest is 0). */
	public BigDecimal max() {
		return this.max;
	}

}
