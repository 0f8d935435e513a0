package dev.parley.platform;

/**
 * Encrypts personal data at rest (R4.6, R5.2): customers' e-mail addresses and phone
 * numbers, visitors' IP addresses, attributes marked sensitive. AES-256-GCM with a key
 * from configuration (never from the database), named by a key id stored with every value
 * so that keys rotate: values sealed with an older key still open while a rotation
 * re-encrypts them.
 * <p>
 * Exact lookups (is this e-mail known?) use a blind index: a keyed hash of the normalised
 * value, equal for equal values and useless without the key.
 */
public interface PersonalData {

	/**
	 * @return the sealed text ({@code pd1:<key id>:<Base64>}), different on every call;
	 * null for null
	 */
	String seal(String plainText);

	/**
	 * @return the plain text; null for null
	 * @throws IllegalStateException when the key it names is not configured, or the text
	 * was altered
	 */
	String open(String sealedText);

	/**
	 * @param purpose what the value is (e.g. {@code email}), so that equal values of
	 * different kinds get different hashes
	 * @param normalizedValue the value as compared (the caller normalises it first)
	 * @return the blind index (Base64url, 43 characters)
	 */
	String index(String purpose, String normalizedValue);

	/**
	 * @return whether the text was sealed with the key new values are sealed with (a
	 * rotation re-encrypts the others)
	 */
	boolean current(String sealedText);

	/**
	 * @return the id of the key new values are sealed with
	 */
	String currentKeyId();

}
