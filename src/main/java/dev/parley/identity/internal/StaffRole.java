package dev.parley.identity.internal;

import java.util.Set;

/** A role: a named set of permissions. */
public record StaffRole(long id, String name, String description, boolean builtin, Set<String> permissions) {

	/** Name of the built-in role that always holds every permission. */
	public static final String ADMINISTRATOR = "administrator";

	public boolean isAdministrator() {
		return this.builtin && ADMINISTRATOR.equals(this.name);
	}

}
