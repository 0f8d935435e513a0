package dev.parley.identity.web;

import java.util.List;

import dev.parley.identity.StaffPrincipal;
import dev.parley.identity.internal.SignIn;
import dev.parley.identity.internal.TwoFactor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own second factor. There is no user id in the path: a user enrols
 * only himself; an administrator can only reset someone's (UserController).
 */
@RestController
@RequestMapping("/api/v1/me/two-factor")
class TwoFactorController {

	private final TwoFactor twoFactor;

	private final SignIn signIn;

	TwoFactorController(TwoFactor twoFactor, SignIn signIn) {
		this.twoFactor = twoFactor;
		this.signIn = signIn;
	}

	@GetMapping
	TwoFactor.Status status(@AuthenticationPrincipal StaffPrincipal principal) {
		return this.twoFactor.status(principal.id());
	}

	/** Starts the enrolment of an authenticator app; the secret is shown this once. */
	@PostMapping("/app")
	TwoFactor.Enrolment begin(@AuthenticationPrincipal StaffPrincipal principal) {
		return this.twoFactor.begin(principal.id());
	}

	/** Confirms the app with its first code; the recovery codes are shown this once. */
	@PostMapping("/app/confirm")
	RecoveryCodes confirm(@AuthenticationPrincipal StaffPrincipal principal, @Valid @RequestBody Code body) {
		return new RecoveryCodes(this.twoFactor.confirm(principal.id(), body.code()));
	}

	@PostMapping("/recovery-codes")
	RecoveryCodes renew(@AuthenticationPrincipal StaffPrincipal principal, @Valid @RequestBody Password body) {
		this.signIn.confirmPassword(principal.id(), body.currentPassword(), "two_factor.recovery_codes_renewed");
		return new RecoveryCodes(this.twoFactor.renewRecoveryCodes(principal.id()));
	}

	/** Turns the user's own second factor off, unless the role requires one. */
	@DeleteMapping
	ResponseEntity<Void> remove(@AuthenticationPrincipal StaffPrincipal principal, @Valid @RequestBody Password body) {
		this.signIn.confirmPassword(principal.id(), body.currentPassword(), "two_factor.removed");
		this.twoFactor.removeOwn(principal.id());
		return ResponseEntity.noContent().build();
	}

	record Code(@Size(max = 20) String code) {
	}

	record Password(@NotNull @Size(max = 128) String currentPassword) {
	}

	record RecoveryCodes(List<String> recoveryCodes) {
	}

}
