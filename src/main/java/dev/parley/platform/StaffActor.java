package dev.parley.platform;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The staff member acting in a request or on a socket, with the permissions in force
 * right now. The one type every module receives for "who is doing this"; controllers get
 * it as a method parameter.
 */
public record StaffActor(long id, String username, String displayName, Set<Permission> permissions) {

	public StaffActor {
		permissions = permissions.isEmpty() ? Collections.emptySet()
				: Collections.unmodifiableSet(EnumSet.copyOf(permissions));
	}

	/**
	 * @throws IllegalArgumentException when the authentication is not a staff member's
	 */
	public static StaffActor of(Authentication authentication) {
		if (authentication == null || !(authentication.getPrincipal() instanceof StaffIdentity principal)) {
			throw new IllegalArgumentException("Not a staff member's authentication");
		}
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			Permission.ofCode(authority.getAuthority()).ifPresent(permissions::add);
		}
		return new StaffActor(principal.id(), principal.username(), principal.displayName(), permissions);
	}

	public boolean can(Permission permission) {
		return this.permissions.contains(permission);
	}

	public boolean canAny(Permission... any) {
		for (Permission permission : any) {
			if (can(permission)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @throws ApiException {@code forbidden} naming the permission when it is missing
	 */
	public void require(Permission permission) {
		if (!can(permission)) {
			throw forbidden(permission);
		}
	}

	/** A {@code forbidden} refusal naming the missing permission. */
	public static ApiException forbidden(Permission permission) {
		return ApiException.forbidden(permission.code());
	}

}
