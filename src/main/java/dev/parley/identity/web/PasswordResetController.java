package dev.parley.identity.web;

import java.util.Map;

import dev.parley.identity.internal.PasswordResets;
import dev.parley.platform.ClientAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

	/** The one answer to every well-formed request, whatever the address. */
	private static final Map<String, String> ACCEPTED = Map.of("status", "accepted", "message",
			"If an account has this e-mail address, a link to choose a new password is on its way.");

	private final PasswordResets resets;

	PasswordResetController(PasswordResets resets) {
		this.resets = resets;
	}

	@PostMapping
	ResponseEntity<Map<String, String>> request(@Valid @RequestBody ResetRequest request) {
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
