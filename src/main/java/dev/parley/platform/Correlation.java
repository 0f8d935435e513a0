package dev.parley.platform;

import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.MDC;

/**
 * The correlation id that ties the log lines of one HTTP request or WebSocket frame
 * together: in the MDC under {@value #MDC_KEY} while the work runs (ECS:
 * {@code correlation.id}).
 */
public final class Correlation {

	/** The MDC key of the correlation id. */
	public static final String MDC_KEY = "correlation.id";

	private Correlation() {
	}

	/**
	 * @return whether a caller's id may be taken as it is: 1-64 letters, digits, '.',
	 * '_', ':' or '-' (nothing that could break a log line or a header)
	 */
	public static boolean valid(String id) {
		if (id == null || id.isEmpty() || id.length() > 64) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == ':' || c == '-';
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @return a new id: 16 hexadecimal digits, random (not secret)
	 */
	public static String newId() {
		String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
		return "0".repeat(16 - hex.length()) + hex;
	}

	/**
	 * Runs work with a new correlation id (a WebSocket frame, a scheduled job), restoring
	 * the one before.
	 */
	public static void run(Runnable work) {
		String before = MDC.get(MDC_KEY);
		MDC.put(MDC_KEY, newId());
		try {
			work.run();
		}
		finally {
			if (before != null) {
				MDC.put(MDC_KEY, before);
			}
			else {
				MDC.remove(MDC_KEY);
			}
		}
	}

}
