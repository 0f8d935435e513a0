package dev.parley.identity.web;

import java.util.Locale;
import java.util.Map;

import dev.parley.identity.internal.IdentitySettings;
import dev.parley.identity.internal.PasswordPolicy;
import dev.parley.identity.internal.PasswordResets;
import dev.parley.platform.ClientAddress;
import dev.parley.platform.RateLimit;
import dev.parley.platform.RateLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password reset from the sign-in page, for anyone (no session): ask for a link by
 * e-mail, then choose a new password with the link's token. See docs/api.md.
 */
@RestController
@RequestMapping("/api/v1/password-resets")
class PasswordResetController {

	/**
	 * The one answer to every well-formed request, whatever the address; the console says
	 * in the reader's language what it means.
	 */
	private static final Map<String, String> ACCEPTED = Map.of("status", "accepted");

	private final PasswordResets resets;

	private final IdentitySettings settings;

	private final RateLimits rateLimits;

	PasswordResetController(PasswordResets resets, IdentitySettings settings, RateLimits rateLimits) {
		this.resets = resets;
		this.rateLimits = rateLimits;
		this.settings = settings;
	}

	/** What a new password must be, for the reset screen shown before signing in. */
	@GetMapping("/policy")
	SessionController.Policy policy() {
		PasswordPolicy policy = this.settings.passwordPolicy();
		return new SessionController.Policy(policy.minLength(), policy.requiredClasses());
	}

	@PostMapping
	ResponseEntity<Map<String, String>> request(@Valid @RequestBody ResetRequest request) {
		// refused alike for every address, known or not, so the refusal tells nothing
		this.rateLimits.check(RateLimit.PASSWORD_RESET_ACCOUNT, request.email().strip().toLowerCase(Locale.ROOT));
		this.resets.request(request.email(), ClientAddress.current());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(ACCEPTED);
	}

	@PostMapping("/confirm")
	ResponseEntity<Void> confirm(@Valid @RequestBody ResetConfirmation confirmation) {
		this.resets.confirm(confirmation.token(), confirmation.password());
		return ResponseEntity.noContent().build();
	}

	record ResetRequest(@NotBlank @Email @Size(max = 254) @Pattern(regexp = ProfileController.EMAIL,
			message = "must be an e-mail address") String email) {
	}

	record ResetConfirmation(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_-]+",
			message = "has the wrong format") String token, @NotNull @Size(max = 128) String password) {
	}

}
