package dev.parley.operations.internal.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A value with its unit, as e-mails and text messages show it (the console formats its
 * own).
 */
public final class MetricFormat {

	private static final double KB = 1024;

	private MetricFormat() {
	}

	public static String format(BigDecimal value, MetricUnit unit) {
		if (value == null) {
			return "-";
		}
		double number = value.doubleValue();
		return switch (unit) {
			case PERCENT -> plain(value, 1) + " %";
			case BYTES -> bytes(number);
			case BYTES_PER_SECOND -> bytes(number) + "/s";
			case MILLISECONDS -> plain(value, 0) + " ms";
			case SECONDS -> plain(value, 0) + " s";
			case PER_SECOND -> plain(value, 1) + "/s";
			case COUNT, FLAG -> plain(value, 0);
		};
	}

	private static String plain(BigDecimal value, int scale) {
		return value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	private static String bytes(double bytes) {
		String[] units = { "B", "KB", "MB", "GB", "TB" };
		int unit = 0;
		while (bytes >= KB && unit < units.length - 1) {
			bytes /= KB;
			unit++;
		}
		return plain(BigDecimal.valueOf(bytes), 1) + " " + units[unit];
	}

}
