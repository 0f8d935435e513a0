package dev.parley.conversations.internal;

import java.util.Set;
import java.util.stream.Collectors;

import dev.parley.identity.StaffPrincipal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** A staff member acting on conversations, with the permissions in force right now. */
public record StaffActor(long id, String username, String displayName, Set<String> permissions) {

	public static StaffActor of(Authentication authentication) {
		StaffPrincipal principal = (StaffPrincipal) authentication.getPrincipal();
		return new StaffActor(principal.id(), principal.username(), principal.displayName(),
				authentication.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.collect(Collectors.toUnmodifiableSet()));
	}

	public boolean can(String permission) {
		return this.permissions.contains(permission);
	}

	/** May see every conversation, not only those waiting or assigned to them. */
	public boolean seesAll() {
		return can("conversation.view_all") || can("conversation.monitor");
	}

}
