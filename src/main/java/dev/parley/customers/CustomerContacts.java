package dev.parley.customers;

import java.util.Optional;

/**
 * Customers by their e-mail address, for modules that take mail from customers (tickets
 * by e-mail). The address of a mail is only what its {@code From} header says: anyone can
 * write it, so it finds a customer by the rule of {@link #byEmail} and is never treated
 * as verified.
 */
public interface CustomerContacts {

	/**
	 * The customer a mail from this address is from: the customer who verified the
	 * address; else the one customer who has it as an (unverified) contact, when exactly
	 * one live customer has it; else a new customer with the address as an unverified
	 * contact and the name given (several customers with the address: a new one too, and
	 * an agent may merge).
	 * @param name the sender's display name, or null
	 */
	MailSender byEmail(String address, String name);

	/**
	 * @return whether the address is one of the customer's e-mail addresses (following a
	 * merge to the surviving record), compared without case
	 */
	boolean hasEmail(long customerId, String address);

	/**
	 * The customer (the survivor, when he was merged) and his e-mail address to write to:
	 * a verified one before others, the oldest first.
	 * @return empty for an unknown customer
	 */
	Optional<MailContact> mailContact(long customerId);

	/**
	 * @return the ids of the customer records merged into this one (directly or through
	 * others), at most 50: mail written to them is his now
	 */
	java.util.Set<Long> mergedInto(long customerId);

	/**
	 * @param created whether the customer was created now
	 * @param blocked whether a block applies to him now
	 */
	record MailSender(long customerId, boolean created, boolean blocked) {
	}

	/**
	 * @param name his name, or null
	 * @param email his address, or null when he has none (or his data was erased)
	 * @param language his language, or null
	 * @param blocked whether a block applies to him now
	 */
	record MailContact(long customerId, String name, String email, String language, boolean blocked) {
	}

}
