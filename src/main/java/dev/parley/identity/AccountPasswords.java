package dev.parley.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Staff's password rules lent to other kinds of account (the customers' portal): the same
 * policy (administrators' {@code password.*} settings), the same hashing, and the same
 * sign-in throttle ({@code login.*}: failures per account and per client address, waits
 * doubling up to {@code login.lockMinutes}). Accounts name themselves by a subject of
 * their own (e.g. {@code portal:<blind index>}) so that they never share a count with a
 * staff username; a client address's failures count across both kinds.
 */
public interface AccountPasswords {

	/**
	 * Checks a new password against the policy (and the hashes of recent ones, when the
	 * caller keeps them).
	 * @param accountName a name the password must not contain (an e-mail's local part);
	 * null for none
	 * @return the hash to store
	 * @throws dev.parley.platform.ApiException {@code password_policy} naming the rules
	 * broken, as for staff
	 */
	String acceptNew(String accountName, String raw, List<String> recentHashes);

	boolean matches(String raw, String hash);

	/**
	 * Spends a real comparison's time, so an unknown account is not told apart by speed.
	 */
	void compareWithDummy(String raw);

	/** What a new password must be, to show before it is chosen. */
	Policy policy();

	/**
	 * @param address the client's address, or null
	 * @return until when this subject's sign-ins (or this address's) must wait, if they
	 * must
	 */
	Optional<Instant> signInWait(String subject, String address);

	/**
	 * Counts a failed sign-in for the subject and the address.
	 * @return until when the subject's sign-ins wait now, if this failure locked it
	 */
	Optional<Instant> signInFailed(String subject, String address);

	/** A successful sign-in (or a password reset) ends the subject's run of failures. */
	void signInSucceeded(String subject);

	/**
	 * @param minLength fewest characters
	 * @param requiredClasses how many of lower case, upper case, digits and others
	 */
	record Policy(int minLength, int requiredClasses) {
	}

}
