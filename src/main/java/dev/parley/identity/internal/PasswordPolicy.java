package dev.parley.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules a new password must satisfy (R8.2). Reuse of recent passwords is checked
 * against the stored hashes by {@link Passwords}, since only hashes are kept.
 *
 * @param minLength fewest characters
 * @param requiredClasses how many of lower case, upper case, digits and other characters
 * must appear
 * @param historySize how many previous passwords may not be reused
 * @param maxAgeDays days after which a password must be changed at the next sign-in; 0
 * for never
 */
public record PasswordPolicy(int minLength, int requiredClasses, int historySize, int maxAgeDays) {

	/** Longest password accepted, whatever the policy: hashing cost must stay bounded. */
	public static final int MAX_LENGTH = 128;

	public static final String MIN_LENGTH = "min_length";

	public static final String CHARACTER_CLASSES = "character_classes";

	public static final String CONTAINS_USERNAME = "contains_username";

	public static final String REUSED = "reused";

	/**
	 * @return the rules the password breaks, empty if it is acceptable
	 */
	public List<String> violations(String username, String password) {
		List<String> violations = new ArrayList<>();
		if (password.codePointCount(0, password.length()) < this.minLength) {
			violations.add(MIN_LENGTH);
		}
		if (characterClasses(password) < this.requiredClasses) {
			violations.add(CHARACTER_CLASSES);
		}
		if (username != null && !username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			violations.add(CONTAINS_USERNAME);
		}
		return violations;
	}

	static int characterClasses(String password) {
		boolean lower = false;
		boolean upper = false;
		boolean digit = false;
		boolean other = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (Character.isLowerCase(c)) {
				lower = true;
			}
			else if (Character.isUpperCase(c)) {
				upper = true;
			}
			else if (Character.isDigit(c)) {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

}
