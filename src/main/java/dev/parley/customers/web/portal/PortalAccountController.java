package dev.parley.customers.web.portal;

import java.util.Map;

import dev.parley.customers.internal.portal.PortalAccount;
import dev.parley.customers.internal.portal.PortalProfiles;
import dev.parley.customers.internal.portal.PortalRegistration;
import dev.parley.customers.internal.portal.PortalSessions;
import dev.parley.customers.internal.portal.PortalSignIn;
import dev.parley.identity.AccountPasswords;
import dev.parley.platform.ApiException;
import dev.parley.platform.ClientAddress;
import dev.parley.platform.PortalCustomer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's doors for customers not signed in: register, verify the address, sign in
 * and out, reset a forgotten password. See docs/api.md ("Customer portal").
 */
@RestController
@RequestMapping("/api/v1/portal/account")
class PortalAccountController {

	/** The one answer to every well-formed reset request, whatever the address. */
	private static final Map<String, String> ACCEPTED = Map.of("status", "accepted");

	static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	static final String LANGUAGE = "en|zh-CN|zh-TW";

	private final PortalRegistration registration;

	private final PortalSignIn signIn;

	private final PortalSessions sessions;

	private final PortalProfiles profiles;

	private final AccountPasswords passwords;

	PortalAccountController(PortalRegistration registration, PortalSignIn signIn, PortalSessions sessions,
			PortalProfiles profiles, AccountPasswords passwords) {
		this.registration = registration;
		this.signIn = signIn;
		this.sessions = sessions;
		this.profiles = profiles;
		this.passwords = passwords;
	}

	@GetMapping("/policy")
	AccountPasswords.Policy policy() {
		return this.passwords.policy();
	}

	@PostMapping("/registrations")
	ResponseEntity<Map<String, String>> register(@Valid @RequestBody Registration body) {
		this.registration.register(body.email(), body.password(), blankToNull(body.name()), body.language());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "verification_sent"));
	}

	@PostMapping("/verifications")
	ResponseEntity<Void> verify(@Valid @RequestBody Verification body) {
		this.registration.verify(body.token(), body.password(), ClientAddress.current());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/session")
	PortalProfiles.Profile me(@AuthenticationPrincipal PortalCustomer customer) {
		if (customer == null) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in first");
		}
		return this.profiles.profile(customer.accountId());
	}

	@PostMapping("/session")
	PortalProfiles.Profile signIn(@Valid @RequestBody Credentials body, HttpServletRequest request,
			HttpServletResponse response) {
		PortalAccount account = this.signIn.signIn(body.email(), body.password(), ClientAddress.current());
		PortalSessionStore.store(this.sessions.authenticationFor(account.id()), request, response);
		return this.profiles.profile(account.id());
	}

	@DeleteMapping("/session")
	ResponseEntity<Void> signOut(HttpServletRequest request) {
		PortalSessionStore.end(request);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/password-resets")
	ResponseEntity<Map<String, String>> requestReset(@Valid @RequestBody ResetRequest body) {
		this.signIn.requestReset(body.email());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(ACCEPTED);
	}

	@PostMapping("/password-resets/confirm")
	ResponseEntity<Void> confirmReset(@Valid @RequestBody ResetConfirmation body) {
		this.signIn.confirmReset(body.token(), body.password());
		return ResponseEntity.noContent().build();
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	record Registration(
			@NotBlank @Email @Size(max = 254) @Pattern(regexp = EMAIL,
					message = "must be an e-mail address") String email,
			@NotNull @Size(max = 128) String password, @Size(max = 100) String name,
			@Pattern(regexp = LANGUAGE, message = "must be one of en, zh-CN, zh-TW") String language) {
	}

	/**
	 * A link's token and the password of the account it is for (the registration's own
	 * for a registration's link).
	 */
	record Verification(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_-]+",
			message = "has the wrong format") String token, @NotNull @Size(max = 128) String password) {
	}

	record Credentials(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 128) String password) {
	}

	record ResetRequest(@NotBlank @Email @Size(max = 254) @Pattern(regexp = EMAIL,
			message = "must be an e-mail address") String email) {
	}

	record ResetConfirmation(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_-]+",
			message = "has the wrong format") String token, @NotNull @Size(max = 128) String password) {
	}

}
