package dev.parley.identity.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import dev.parley.administration.Settings;
import dev.parley.identity.StaffPrincipal;
import dev.parley.identity.internal.PendingSignIn;
import dev.parley.identity.internal.RoleRepository;
import dev.parley.identity.internal.SecondFactorSignIn;
import dev.parley.identity.internal.SignIn;
import dev.parley.identity.internal.SessionKey;
import dev.parley.identity.internal.StaffAccounts;
import dev.parley.identity.internal.StaffSessions;
import dev.parley.identity.internal.StaffUser;
import dev.parley.identity.internal.StaffUserRepository;
import dev.parley.identity.internal.TrustedDevices;
import dev.parley.identity.internal.TwoFactor;
import dev.parley.identity.internal.IdentitySettings;
import dev.parley.identity.internal.PasswordChangeReason;
import dev.parley.identity.internal.PasswordPolicy;
import dev.parley.platform.AllowedDuringMaintenance;
import dev.parley.platform.ApiException;
import dev.parley.platform.ClientAddress;
import dev.parley.platform.RateLimit;
import dev.parley.platform.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in and out of the console, and the signed-in user's own password. A browser
 * that signs in gets a device cookie, sent back only to sign-ins, which lets it pass the
 * sign-in throttle of that account later. An account with a second factor answers the
 * right password with {@code 401 second_factor_required}, and the browser's session holds
 * the pending sign-in until a code completes it
 * ({@code POST /api/v1/session/second-factor}).
 */
@RestController
@RequestMapping("/api/v1/session")
class SessionController {

	/** Where the device cookie is sent: only to sign-ins. */
	private static final String PATH = "/api/v1/session";

	private final SignIn signIn;

	private final SecondFactorSignIn secondFactor;

	private final TwoFactor twoFactor;

	private final StaffAccounts accounts;

	private final StaffUserRepository users;

	private final RoleRepository roles;

	private final Settings settings;

	private final IdentitySettings identitySettings;

	private final Clock clock;

	private final RateLimits rateLimits;

	private final StaffSessions sessions;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SessionController(SignIn signIn, SecondFactorSignIn secondFactor, TwoFactor twoFactor, StaffAccounts accounts,
			StaffUserRepository users, RoleRepository roles, Settings settings, IdentitySettings identitySettings,
			Clock clock, RateLimits rateLimits, StaffSessions sessions) {
		this.signIn = signIn;
		this.secondFactor = secondFactor;
		this.twoFactor = twoFactor;
		this.rateLimits = rateLimits;
		this.sessions = sessions;
		this.identitySettings = identitySettings;
		this.clock = clock;
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

	/**
	 * Open during maintenance, so that an administrator can sign in and end it. Besides
	 * the sign-in throttle (failures), sign-ins naming one account are rate limited
	 * whoever sends them, before any password is hashed.
	 */
	@PostMapping
	@AllowedDuringMaintenance
	Me signIn(@Valid @RequestBody Credentials credentials,
			@CookieValue(name = TrustedDevices.COOKIE, required = false) String device, HttpServletRequest request,
			HttpServletResponse response) {
		HttpSession before = request.getSession(false);
		if (before != null) {
			// a new password step forgets a sign-in that waited for its second factor
			before.removeAttribute(PendingSignIn.ATTRIBUTE);
		}
		this.rateLimits.check(RateLimit.SIGN_IN_ACCOUNT, credentials.username().strip().toLowerCase(Locale.ROOT));
		SignIn.Result result = this.signIn.signIn(
				new SignIn.Attempt(credentials.username(), credentials.password(), ClientAddress.current(), device));
		if (result instanceof SignIn.SecondFactorRequired required) {
			HttpSession session = request.getSession(true);
			session.setAttribute(PendingSignIn.ATTRIBUTE, required.pending());
			throw new ApiException(HttpStatus.UNAUTHORIZED, "second_factor_required",
					"Give your second factor: a code from your authenticator app or a passkey")
				.with("methods", this.twoFactor.signInMethods(required.pending().userId()))
				.with("expiresAt", Instant.ofEpochMilli(required.pending().expiresAt()).toString());
		}
		return signedIn((SignIn.SignedIn) result, request, response);
	}

	/**
	 * Completes a sign-in whose password was right with a code from the authenticator app
	 * or a recovery code. Open during maintenance, like the password step.
	 */
	@PostMapping("/second-factor")
	@AllowedDuringMaintenance
	Me secondFactor(@Valid @RequestBody SecondFactor body, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		PendingSignIn pending = (session != null) ? (PendingSignIn) session.getAttribute(PendingSignIn.ATTRIBUTE)
				: null;
		SignIn.SignedIn signedIn;
		if (body.recoveryCode() != null) {
			signedIn = this.secondFactor.withRecoveryCode(pending, body.recoveryCode(), ClientAddress.current());
		}
		else {
			signedIn = this.secondFactor.withCode(pending, body.code(), ClientAddress.current());
		}
		return signedIn(signedIn, request, response);
	}

	/** Starts the session of a sign-in whose every step was right (also a passkey's). */
	Me signedIn(SignIn.SignedIn signedIn, HttpServletRequest request, HttpServletResponse response) {
		HttpSession existing = request.getSession(false);
		if (existing != null) {
			// a new session id after sign-in: a session id planted before it is worthless
			existing.removeAttribute(PendingSignIn.ATTRIBUTE);
			request.changeSessionId();
			SessionKey before = currentKey();
			if (before != null) {
				// signed in anew in the same browser: the session it was is over
				this.sessions.forget(before);
			}
		}
		SessionKey key = this.sessions.started(signedIn.user().id(), request.getSession(true).getId(),
				request.getHeader(HttpHeaders.USER_AGENT), ClientAddress.current());
		store(this.accounts.authenticationFor(signedIn.user(), key), request, response);
		response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(TrustedDevices.COOKIE, signedIn.deviceCookie())
					.path(PATH)
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Strict")
					.maxAge(TrustedDevices.LIFETIME)
					.build()
					.toString());
		return me(signedIn.user());
	}

	@DeleteMapping
	@AllowedDuringMaintenance
	ResponseEntity<Void> signOut(@AuthenticationPrincipal StaffPrincipal principal, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (principal != null) {
			this.signIn.signedOut(principal.id(), principal.username(), (session != null) ? session.getId() : null);
			SessionKey key = currentKey();
			if (key != null) {
				this.sessions.forget(key);
			}
		}
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return ResponseEntity.noContent().build();
	}

	/**
	 * Changes the password; every other session of the user ends, and this one goes on
	 * under a new id with the account's new session version.
	 */
	@PostMapping("/password")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal StaffPrincipal principal,
			@Valid @RequestBody PasswordChange change, HttpServletRequest request, HttpServletResponse response) {
		this.signIn.changePassword(principal.id(), change.currentPassword(), change.newPassword());
		StaffUser user = this.users.findById(principal.id()).orElseThrow();
		SessionKey key = currentKey();
		// the other sessions ended with the new session version: forget them
		this.sessions.endOthers(principal.id(), key);
		if (request.getSession(false) != null) {
			request.changeSessionId();
			store((key != null) ? this.accounts.authenticationFor(user, key) : this.accounts.authenticationFor(user),
					request, response);
		}
		return ResponseEntity.noContent().build();
	}

	/** The recorded session of the current request, if it is one. */
	static SessionKey currentKey() {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		return (current != null) ? SessionKey.ofDetails(current.getDetails()) : null;
	}

	private void store(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	private Me me(StaffUser user) {
		var role = this.roles.findById(user.roleId()).orElseThrow();
		PasswordPolicy policy = this.identitySettings.passwordPolicy();
		PasswordChangeReason reason = PasswordChangeReason.of(user, policy, this.clock.instant());
		boolean twoFactor = this.twoFactor.enabled(user.id());
		return new Me(UserView.of(user, role, Map.of(), this.accounts.permissionsOf(user), null, twoFactor),
				new Organisation(this.settings.get("organisation.name"), this.settings.get("organisation.language"),
						this.settings.get("organisation.timeZone")),
				(reason != null) ? reason.code() : null, new Policy(policy.minLength(), policy.requiredClasses()),
				role.requiresTwoFactor() && !twoFactor);
	}

	record Credentials(@NotBlank @Size(max = 64) String username, @NotNull @Size(max = 128) String password) {
	}

	/**
	 * One of the two: {@code code} (six digits from the app) or {@code recoveryCode}; the
	 * services check their form, so a malformed one gets its own problem code.
	 */
	record SecondFactor(@Size(max = 20) String code, @Size(max = 40) String recoveryCode) {
	}

	record PasswordChange(@NotNull @Size(max = 128) String currentPassword,
			@NotNull @Size(max = 128) String newPassword) {
	}

	/**
	 * @param passwordChangeReason why the password must be changed first
	 * ({@code first_sign_in}, {@code expired}, {@code reset}), or null
	 * @param passwordPolicy what a new password must be, shown before it is chosen
	 * @param twoFactorEnrolmentRequired the role requires a second factor and the user
	 * has none: the console shows the enrolment before anything else
	 */
	record Me(UserView user, Organisation organisation, String passwordChangeReason, Policy passwordPolicy,
			boolean twoFactorEnrolmentRequired) {
	}

	record Policy(int minLength, int requiredClasses) {
	}

	record Organisation(String name, String language, String timeZone) {
	}

}
