package dev.parley.testing;

import java.util.Arrays;

import dev.parley.identity.StaffPrincipal;
import dev.parley.platform.Permission;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in staff member as Spring Security holds them (a {@link StaffPrincipal} with
 * its permissions as authorities), for tests that need one without signing in.
 */
public final class StaffAuthentications {

	private StaffAuthentications() {
	}

	public static Authentication of(long id, String username, Permission... permissions) {
		return UsernamePasswordAuthenticationToken.authenticated(new StaffPrincipal(id, username, username, false, 0),
				null, Arrays.stream(permissions).map((p) -> new SimpleGrantedAuthority(p.code())).toList());
	}

}
