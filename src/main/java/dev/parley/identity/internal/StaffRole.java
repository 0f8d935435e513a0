package dev.parley.identity.internal;

import java.util.Set;

/**
 * A role: a named set of permissions.
 *
 * @param requiresTwoFactor whether its holders must sign in with a second factor
 */
public record StaffRole(long id, String name, String description, boolean builtin, Set<String> permissions,
		boolean requiresTwoFactor) {

	/** Name of the built-in role that always holds every permission. */
	public static final String ADMINISTRATOR = "administrator";

	/** A role that does not require a second factor. */
	public StaffRole(long id, String name, String description, boolean builtin, Set<String> permissions) {
		this(id, name, description, builtin, permissions, false);
	}

	public boolean isAdministrator() {
		return this.builtin && ADMINISTRATOR.equals(this.name);
	}

}
