package dev.parley.customers;

import java.util.Optional;

/**
 * Customers as other modules see them: who a customer is (following merges to the
 * surviving record) and how to reach him, for modules that keep records about customers
 * and write to them (tickets).
 */
public interface CustomerDirectory {

	/**
	 * @return the live customer (the survivor, when the id was merged into another), or
	 * empty for an unknown id
	 */
	Optional<Card> card(long customerId);

	/**
	 * The names of many customers at once (a list of tickets), each under the id asked
	 * for; a merged record gives its survivor's name. Cheaper than {@link #card}: no
	 * contact is opened.
	 * @return the name of each of the customers that exists (null when he gave none)
	 */
	java.util.Map<Long, String> names(java.util.Collection<Long> customerIds);

	/**
	 * A customer in short. Contact details are in clear: show them to staff only through
	 * the customers module's masking rules.
	 *
	 * @param name his name, or null when he gave none
	 * @param email his first e-mail address (a verified one before others), or null
	 * @param phone his first phone number, or null
	 * @param language his language (en, zh-CN, zh-TW ...), or null
	 * @param levelId his level, or null
	 * @param blocked whether a block applies now
	 * @param erased whether his personal data was erased on request
	 */
	record Card(long id, String name, String email, String phone, String language, Long levelId, boolean blocked,
			boolean erased) {
	}

}
