package dev.parley.customers;

import java.util.Optional;

/** Customers' levels (VIP and the like), for rules that depend on them (SLA policies). */
public interface CustomerLevels {

	/**
	 * @return the customer's level (the surviving record's, when he was merged into
	 * another), or empty for none or an unknown customer
	 */
	Optional<Long> levelOf(long customerId);

	/**
	 * @return whether a level with this id exists
	 */
	boolean exists(long levelId);

}
