package dev.parley.identity.web;

import java.util.Map;

import dev.parley.administration.Settings;
import dev.parley.identity.StaffPrincipal;
import dev.parley.identity.internal.RoleRepository;
import dev.parley.identity.internal.SignIn;
import dev.parley.identity.internal.StaffAccounts;
import dev.parley.identity.internal.StaffUser;
import dev.parley.identity.internal.StaffUserRepository;
import dev.parley.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Signing in and out of the console, and the signed-in user's own password. */
@RestController
@RequestMapping("/api/v1/session")
class SessionController {

	private final SignIn signIn;

	private final StaffAccounts accounts;

	private final StaffUserRepository users;

	private final RoleRepository roles;

	private final Settings settings;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SessionController(SignIn signIn, StaffAccounts accounts, StaffUserRepository users, RoleRepository roles,
			Settings settings) {
		this.signIn = signIn;
		this.accounts = accounts;
		this.users = users;
		this.roles = roles;
		this.settings = settings;
	}

	@GetMapping
	Me me(@AuthenticationPrincipal StaffPrincipal principal) {
		if (principal == null) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in first");
		}
		return me(this.users.findById(principal.id()).orElseThrow());
	}

	@PostMapping
	Me signIn(@Valid @RequestBody Credentials credentials, HttpServletRequest request, HttpServletResponse response) {
		StaffUser user = this.signIn.signIn(credentials.username(), credentials.password());
		HttpSession existing = request.getSession(false);
		if (existing != null) {
			// a new session id after sign-in: a session id planted before it is worthless
			request.changeSessionId();
		}
		Authentication authentication = this.accounts.authenticationFor(user);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return me(user);
	}

	@DeleteMapping
	ResponseEntity<Void> signOut(@AuthenticationPrincipal StaffPrincipal principal, HttpServletRequest request) {
		if (principal != null) {
			this.signIn.signedOut(principal.username());
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/password")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal StaffPrincipal principal,
			@Valid @RequestBody PasswordChange change) {
		this.signIn.changePassword(principal.id(), change.currentPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}

	private Me me(StaffUser user) {
		var role = this.roles.findById(user.roleId()).orElseThrow();
		return new Me(UserView.of(user, role, Map.of(), this.accounts.permissionsOf(user)),
				new Organisation(this.settings.get("organisation.name"), this.settings.get("organisation.language"),
						this.settings.get("organisation.timeZone")));
	}

	record Credentials(@NotBlank @Size(max = 64) String username, @NotNull @Size(max = 128) String password) {
	}

	record PasswordChange(@NotNull @Size(max = 128) String currentPassword,
			@NotNull @Size(max = 128) String newPassword) {
	}

	record Me(UserView user, Organisation organisation) {
	}

	record Organisation(String name, String language, String timeZone) {
	}

}
