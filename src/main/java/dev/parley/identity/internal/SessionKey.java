package dev.parley.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The public id of a staff session (a row of {@code staff_session}), kept as the details
 * of the session's authentication so that every check of the session, on any node and for
 * its sockets too, finds its row. Random and unrelated to the session id, which is a
 * credential and is never shown. The details hold it as a plain string
 * ({@link #details()}): the session is serialised into Redis, and a node of the previous
 * release, during a rolling upgrade, must still read it.
 *
 * @param id 22 characters of URL-safe Base64 (128 random bits)
 */
public record SessionKey(String id) {

	private static final String DETAILS_PREFIX = "staff-session:";

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");

	private static final SecureRandom RANDOM = new SecureRandom();

	public SessionKey {
		if (!isWellFormed(id)) {
			throw new IllegalArgumentException("not a session key");
		}
	}

	static SessionKey random() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return new SessionKey(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** What the authentication's details hold. */
	public String details() {
		return DETAILS_PREFIX + this.id;
	}

	/** The key an authentication's details name, or null (a session not recorded). */
	public static SessionKey ofDetails(Object details) {
		if (details instanceof String text && text.startsWith(DETAILS_PREFIX)
				&& isWellFormed(text.substring(DETAILS_PREFIX.length()))) {
			return new SessionKey(text.substring(DETAILS_PREFIX.length()));
		}
		return null;
	}

	/** Whether a text from outside has the shape of a session id. */
	public static boolean isWellFormed(String id) {
		return id != null && SHAPE.matcher(id).matches();
	}

}
