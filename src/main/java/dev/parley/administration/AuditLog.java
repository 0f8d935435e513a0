package dev.parley.administration;

/**
 * The audit log of security and administrative events (R5.3, R8.2). An entry is written
 * in the caller's transaction, so it exists exactly when the change it describes does;
 * the client IP is taken from the request being handled.
 */
public interface AuditLog {

	/**
	 * @param actor the username acting (or attempting to, for a failed login); may be
	 * null for the system itself
	 * @param action a dotted action name such as {@code user.created}
	 * @param target what was acted on, e.g. a username or role name; may be null
	 * @param result success or failure
	 * @param detail a short human-readable detail; may be null
	 */
	void record(String actor, String action, String target, AuditResult result, String detail);

}
