package dev.parley.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.identity.internal.StaffRole;
import dev.parley.identity.internal.StaffUser;

/** A staff account as the API shows it: never the password hash. */
record UserView(long id, String username, String displayName, String email, String phone, RoleRef role, boolean enabled,
		boolean locked, Instant lockedUntil, Instant lastLoginAt, Instant createdAt, boolean passwordChangeRequired,
		List<String> granted, List<String> revoked, List<String> permissions, boolean twoFactorEnabled) {

	/**
	 * @param lockedUntil until when sign-ins to the account from unknown devices wait
	 * after failed ones, or null
	 * @param twoFactorEnabled whether the user signs in with a second factor
	 */
	static UserView of(StaffUser user, StaffRole role, Map<String, Boolean> overrides, Set<String> permissions,
			Instant lockedUntil, boolean twoFactorEnabled) {
		return new UserView(user.id(), user.username(), user.displayName(), user.email(), user.phone(),
				new RoleRef(role.id(), role.name(), role.builtin()), user.enabled(), lockedUntil != null, lockedUntil,
				user.lastLoginAt(), user.createdAt(), user.passwordChangeRequired(),
				overrides.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted().toList(),
				overrides.entrySet().stream().filter((e) -> !e.getValue()).map(Map.Entry::getKey).sorted().toList(),
				permissions.stream().sorted().toList(), twoFactorEnabled);
	}

	record RoleRef(long id, String name, boolean builtin) {
	}

}
