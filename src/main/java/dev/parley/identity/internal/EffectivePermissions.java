package dev.parley.identity.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.parley.identity.Permissions;

/**
 * What a user may do: the role's permissions, plus those granted to the user, minus those
 * revoked from the user. The built-in administrator role holds every permission in the
 * catalogue, including ones added by later versions.
 */
public final class EffectivePermissions {

	private EffectivePermissions() {
	}

	public static Set<String> of(StaffRole role, Map<String, Boolean> overrides) {
		Set<String> permissions = new TreeSet<>(role.isAdministrator() ? Permissions.all() : role.permissions());
		overrides.forEach((permission, granted) -> {
			if (granted) {
				permissions.add(permission);
			}
			else {
				permissions.remove(permission);
			}
		});
		permissions.retainAll(Permissions.all());
		return permissions;
	}

}
