package dev.parley.identity.internal;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The public id of a staff session (a row of {@code staff_session}), kept as the details
 * of the session's authentication so that every check of the session, on any node and for
 * its sockets too, finds its row. Random and unrelated to the session id, which is a
 * credential and is never shown.
 *
 * @param id 22 characters of URL-safe Base64 (128 random bits)
 */
public record SessionKey(String id) implements Serializable {

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

	/** Whether a text from outside has the shape of a session id. */
	public static boolean isWellFormed(String id) {
		return id != null && SHAPE.matcher(id).matches();
	}

}
