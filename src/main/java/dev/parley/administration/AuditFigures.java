package dev.parley.administration;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * How many audit entries of some actions a period holds, for screens that show figures
 * whose entries the audit screen lists (filtered by the same action and period).
 */
public interface AuditFigures {

	/**
	 * @param actions action names, e.g. {@code login.failed}
	 * @param from earliest time (inclusive)
	 * @param to latest time (exclusive)
	 * @return the count of every action asked for (zero when there is none)
	 */
	Map<String, Long> counts(Collection<String> actions, Instant from, Instant to);

}
