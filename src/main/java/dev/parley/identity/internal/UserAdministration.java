package dev.parley.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;
import dev.parley.identity.Permissions;
import dev.parley.identity.StaffAccessChanged;
import dev.parley.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding, changing, disabling and deleting staff accounts and adjusting their single
 * permissions (R8.4). Callers have checked the caller's permission for the operation; the
 * rules that depend on the data (the last administrator, oneself, what a supervisor may
 * grant) are checked here. Every change that ends a user's sessions or may take away
 * permissions publishes {@link StaffAccessChanged} in its transaction.
 */
@Service
public class UserAdministration {

	private final StaffUserRepository users;

	private final RoleRepository roles;

	private final Passwords passwords;

	private final SignInThrottle throttle;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UserAdministration(StaffUserRepository users, RoleRepository roles, Passwords passwords, SignInThrottle throttle,
			AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.roles = roles;
		this.passwords = passwords;
		this.throttle = throttle;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/** What the form of a new account holds; validated for shape by the web layer. */
	public record NewUser(String username, String displayName, String email, String phone, long roleId, String password,
			boolean enabled) {
	}

	/** The editable profile of an account. */
	public record Profile(String displayName, String email, String phone, long roleId, boolean enabled) {
	}

	/**
	 * Creates an account.
	 * @param mustChangePassword whether the new user must choose their own password at
	 * first sign-in (true when an administrator set it)
	 */
	@Transactional
	public StaffUser create(NewUser request, boolean mustChangePassword, String actor) {
		String username = request.username().strip().toLowerCase(Locale.ROOT);
		StaffRole role = role(request.roleId());
		if (this.users.findByUsername(username).isPresent()) {
			throw duplicate(username);
		}
		String hash = this.passwords.acceptNew(null, username, request.password());
		Instant now = this.clock.instant();
		long id;
		try {
			id = this.users.insert(new StaffUser(0, username, request.displayName().strip(),
					blankToNull(request.email()), blankToNull(request.phone()), role.id(), request.enabled(), hash, now,
					mustChangePassword, 0, null, now));
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(username);
		}
		this.users.addToHistory(id, hash, now);
		this.auditLog.record(actor, "user.created", username, AuditResult.SUCCESS, "role " + role.name());
		return this.users.findById(id).orElseThrow();
	}

	@Transactional
	public StaffUser update(long id, Profile profile, StaffActor actor) {
		StaffUser user = user(id);
		StaffRole newRole = role(profile.roleId());
		StaffRole oldRole = role(user.roleId());
		boolean losesAdministrator = oldRole.isAdministrator() && user.enabled()
				&& (!newRole.isAdministrator() || !profile.enabled());
		if (losesAdministrator) {
			requireAnotherAdministrator(user, oldRole);
		}
		if (user.id() == actor.id() && !profile.enabled()) {
			throw ApiException.conflict("conflict", "You cannot disable your own account");
		}
		Map<String, Boolean> overrides = this.users.overrides(id);
		boolean losesPermissions = losesAny(EffectivePermissions.of(oldRole, overrides),
				EffectivePermissions.of(newRole, overrides));
		this.users.updateProfile(id, profile.displayName().strip(), blankToNull(profile.email()),
				blankToNull(profile.phone()), newRole.id(), profile.enabled());
		StringBuilder detail = new StringBuilder();
		if (oldRole.id() != newRole.id()) {
			detail.append("role ").append(oldRole.name()).append(" -> ").append(newRole.name()).append("; ");
		}
		if (user.enabled() != profile.enabled()) {
			detail.append(profile.enabled() ? "enabled" : "disabled");
		}
		this.auditLog.record(actor.username(), "user.updated", user.username(), AuditResult.SUCCESS,
				detail.isEmpty() ? null : detail.toString().strip());
		if (user.enabled() && !profile.enabled()) {
			// ended for good: enabling the account again does not bring them back
			endSessions(id, StaffAccessChanged.Reason.DISABLED);
		}
		else if (oldRole.id() != newRole.id()) {
			if (losesPermissions) {
				endSessions(id, StaffAccessChanged.Reason.PERMISSIONS_REVOKED);
			}
			else {
				accessChanged(id, StaffAccessChanged.Reason.ROLE_CHANGED);
			}
		}
		return user(id);
	}

	@Transactional
	public void delete(long id, StaffActor actor) {
		StaffUser user = user(id);
		if (user.id() == actor.id()) {
			throw ApiException.conflict("conflict", "You cannot delete your own account");
		}
		StaffRole role = role(user.roleId());
		if (role.isAdministrator() && user.enabled()) {
			requireAnotherAdministrator(user, role);
		}
		this.users.delete(id);
		this.throttle.release(user.username());
		this.auditLog.record(actor.username(), "user.deleted", user.username(), AuditResult.SUCCESS, null);
		accessChanged(id, StaffAccessChanged.Reason.DELETED);
	}

	/**
	 * Sets a new password chosen by an administrator; every session of the user ends, and
	 * the user must change it at next sign-in.
	 */
	@Transactional
	public void resetPassword(long id, String password, StaffActor actor) {
		StaffUser user = user(id);
		String hash = this.passwords.acceptNew(user.id(), user.username(), password);
		this.passwords.store(user.id(), hash, this.clock.instant(), true);
		this.throttle.release(user.username());
		this.auditLog.record(actor.username(), "password.reset", user.username(), AuditResult.SUCCESS, null);
		accessChanged(id, StaffAccessChanged.Reason.PASSWORD_RESET);
	}

	/** Lifts the wait that failed sign-ins put on the account. */
	@Transactional
	public void unlock(long id, StaffActor actor) {
		StaffUser user = user(id);
		this.throttle.release(user.username());
		this.auditLog.record(actor.username(), "user.unlocked", user.username(), AuditResult.SUCCESS, null);
	}

	/**
	 * Replaces the single-permission overrides of an account. Without {@code user.manage}
	 * the actor may only adjust, with {@code agent.permissions.adjust}, an agent's
	 * permissions that the actor holds.
	 */
	@Transactional
	public StaffUser adjustPermissions(long id, Set<String> granted, Set<String> revoked, StaffActor actor) {
		StaffUser user = user(id);
		for (String permission : union(granted, revoked)) {
			if (!Permissions.exists(permission)) {
				throw ApiException.badRequest("unknown_permission", "No permission named " + permission)
					.with("permission", permission);
			}
		}
		Set<String> both = new HashSet<>(granted);
		both.retainAll(revoked);
		if (!both.isEmpty()) {
			throw ApiException.badRequest("validation_failed", "A permission cannot be granted and revoked at once")
				.with("errors", List.of(Map.of("field", "granted", "message", "overlaps revoked: " + both)));
		}
		StaffRole role = role(user.roleId());
		if (role.isAdministrator()) {
			throw ApiException.conflict("conflict", "Administrators always hold every permission");
		}
		Map<String, Boolean> before = this.users.overrides(id);
		Map<String, Boolean> after = new TreeMap<>();
		granted.forEach((permission) -> after.put(permission, true));
		revoked.forEach((permission) -> after.put(permission, false));
		if (!actor.can(Permission.USER_MANAGE)) {
			checkSupervisorAdjustment(user, role, before, after, actor);
		}
		this.users.replaceOverrides(id, after);
		this.auditLog.record(actor.username(), "user.permissions.changed", user.username(), AuditResult.SUCCESS,
				RoleAdministration.changes("granted", granted, "revoked", revoked));
		if (losesAny(EffectivePermissions.of(role, before), EffectivePermissions.of(role, after))) {
			endSessions(id, StaffAccessChanged.Reason.PERMISSIONS_REVOKED);
		}
		else if (!after.equals(new TreeMap<>(before))) {
			accessChanged(id, StaffAccessChanged.Reason.PERMISSIONS_CHANGED);
		}
		return user;
	}

	private void checkSupervisorAdjustment(StaffUser user, StaffRole role, Map<String, Boolean> before,
			Map<String, Boolean> after, StaffActor actor) {
		if (!actor.can(Permission.AGENT_PERMISSIONS_ADJUST)) {
			throw ApiException.forbidden(Permission.USER_MANAGE.code());
		}
		if (!"agent".equals(role.name()) || !role.builtin() || user.id() == actor.id()) {
			throw ApiException.forbidden(Permission.USER_MANAGE.code());
		}
		Set<String> touched = new HashSet<>();
		for (String permission : union(before.keySet(), after.keySet())) {
			if (!java.util.Objects.equals(before.get(permission), after.get(permission))) {
				touched.add(permission);
			}
		}
		for (String permission : touched) {
			// a stored override may name a permission retired since: it grants nothing,
			// so dropping it needs no permission
			if (!Permission.ofCode(permission).map(actor::can).orElse(true)) {
				throw ApiException.forbidden(permission);
			}
		}
	}

	/**
	 * Ends every session of the user (a new session version), so that they sign in again
	 * with what they hold now, and tells who holds something on their behalf.
	 */
	private void endSessions(long userId, StaffAccessChanged.Reason reason) {
		this.users.raiseSessionVersion(userId);
		accessChanged(userId, reason);
	}

	static boolean losesAny(Set<String> before, Set<String> after) {
		return !after.containsAll(before);
	}

	private void accessChanged(long userId, StaffAccessChanged.Reason reason) {
		this.events.publishEvent(StaffAccessChanged.of(Set.of(userId), reason));
	}

	private void requireAnotherAdministrator(StaffUser user, StaffRole administrator) {
		if (this.users.countEnabledWithRole(administrator.id(), user.id()) == 0) {
			throw ApiException.conflict("conflict", "At least one enabled administrator must remain");
		}
	}

	private StaffUser user(long id) {
		return this.users.findById(id).orElseThrow(() -> ApiException.notFound("User"));
	}

	private StaffRole role(long id) {
		return this.roles.findById(id)
			.orElseThrow(() -> ApiException.badRequest("unknown_role", "No role with id " + id).with("roleId", id));
	}

	private static ApiException duplicate(String username) {
		return ApiException.conflict("duplicate_username", "The username " + username + " is taken");
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new HashSet<>(a);
		all.addAll(b);
		return all;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
