package dev.parley.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.identity.Permissions;
import dev.parley.identity.StaffAccessChanged;
import dev.parley.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating roles and deciding which permissions each holds (R8.3). The built-in
 * administrator role always holds everything, so nobody can lock the installation out of
 * its own settings. A change of a role's permissions publishes {@link StaffAccessChanged}
 * for every user holding it.
 */
@Service
public class RoleAdministration {

	private final RoleRepository roles;

	private final StaffUserRepository users;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RoleAdministration(RoleRepository roles, StaffUserRepository users, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock) {
		this.roles = roles;
		this.users = users;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public StaffRole create(String name, String description, Set<String> permissions, boolean requiresTwoFactor,
			String actor) {
		String roleName = name.strip();
		checkPermissions(permissions);
		if (this.roles.findByName(roleName).isPresent() || isBuiltinName(roleName)) {
			throw duplicate(roleName);
		}
		long id;
		try {
			id = this.roles.insert(roleName, blankToNull(description), this.clock.millis());
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(roleName);
		}
		this.roles.replacePermissions(id, permissions);
		this.roles.requireTwoFactor(id, requiresTwoFactor);
		this.auditLog.record(actor, "role.created", roleName, AuditResult.SUCCESS, "permissions "
				+ new TreeSet<>(permissions) + (requiresTwoFactor ? "; requires two-factor sign-in" : ""));
		return this.roles.findById(id).orElseThrow();
	}

	@Transactional
	/**
	 * @param requiresTwoFactor whether holders must sign in with a second factor, or null
	 * to leave it as it is; holders without one must enrol at their next request
	 */
	public StaffRole update(long id, String name, String description, Set<String> permissions,
			Boolean requiresTwoFactor, String actor) {
		StaffRole role = role(id);
		checkPermissions(permissions);
		String roleName = name.strip();
		if (role.builtin() && !role.name().equals(roleName)) {
			throw ApiException.conflict("conflict", "Built-in roles keep their names");
		}
		if (!role.name().equals(roleName) && (this.roles.findByName(roleName).isPresent() || isBuiltinName(roleName))) {
			throw duplicate(roleName);
		}
		Set<String> newPermissions = role.isAdministrator() ? Permissions.all() : permissions;
		this.roles.update(id, roleName, blankToNull(description));
		this.roles.replacePermissions(id, newPermissions);
		Set<String> added = new TreeSet<>(newPermissions);
		added.removeAll(role.permissions());
		Set<String> removed = new TreeSet<>(role.permissions());
		removed.removeAll(newPermissions);
		String detail = changes("added", added, "removed", removed);
		if (requiresTwoFactor != null && requiresTwoFactor != role.requiresTwoFactor()) {
			this.roles.requireTwoFactor(id, requiresTwoFactor);
			String twoFactor = requiresTwoFactor ? "requires two-factor sign-in"
					: "no longer requires two-factor sign-in";
			detail = (detail == null) ? twoFactor : detail + "; " + twoFactor;
		}
		this.auditLog.record(actor, "role.updated", roleName, AuditResult.SUCCESS, detail);
		if (!added.isEmpty() || !removed.isEmpty()) {
			StaffRole changed = role(id);
			Set<Long> losing = new TreeSet<>();
			Set<Long> others = new TreeSet<>();
			for (Long holder : this.users.idsWithRole(id)) {
				Map<String, Boolean> overrides = this.users.overrides(holder);
				boolean loses = UserAdministration.losesAny(EffectivePermissions.of(role, overrides),
						EffectivePermissions.of(changed, overrides));
				(loses ? losing : others).add(holder);
			}
			// a holder who lost a permission signs in again with what they hold now
			losing.forEach(this.users::raiseSessionVersion);
			if (!losing.isEmpty()) {
				this.events.publishEvent(StaffAccessChanged.of(losing, StaffAccessChanged.Reason.PERMISSIONS_REVOKED));
			}
			if (!others.isEmpty()) {
				this.events
					.publishEvent(StaffAccessChanged.of(others, StaffAccessChanged.Reason.ROLE_PERMISSIONS_CHANGED));
			}
		}
		return role(id);
	}

	@Transactional
	public void delete(long id, String actor) {
		StaffRole role = role(id);
		if (role.builtin()) {
			throw ApiException.conflict("conflict", "Built-in roles cannot be deleted");
		}
		if (this.roles.userCounts().getOrDefault(id, 0) > 0) {
			throw ApiException.conflict("conflict", "The role is still held by users");
		}
		this.roles.delete(id);
		this.auditLog.record(actor, "role.deleted", role.name(), AuditResult.SUCCESS, null);
	}

	private StaffRole role(long id) {
		return this.roles.findById(id).orElseThrow(() -> ApiException.notFound("Role"));
	}

	private static void checkPermissions(Set<String> permissions) {
		for (String permission : permissions) {
			if (!Permissions.exists(permission)) {
				throw ApiException.badRequest("unknown_permission", "No permission named " + permission)
					.with("permission", permission);
			}
		}
	}

	private static boolean isBuiltinName(String name) {
		return Set.of("administrator", "supervisor", "agent", "support").contains(name.toLowerCase(Locale.ROOT));
	}

	private static ApiException duplicate(String name) {
		return ApiException.conflict("duplicate_role", "A role named " + name + " exists already");
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * @return the audit detail of a change of permissions, its empty parts left out (null
	 * when nothing changed), e.g. {@code added [a, b]; removed [c]}
	 */
	static String changes(String addedWord, Set<String> added, String removedWord, Set<String> removed) {
		List<String> parts = new ArrayList<>();
		if (!added.isEmpty()) {
			parts.add(addedWord + " " + new TreeSet<>(added));
		}
		if (!removed.isEmpty()) {
			parts.add(removedWord + " " + new TreeSet<>(removed));
		}
		return parts.isEmpty() ? null : String.join("; ", parts);
	}

}
