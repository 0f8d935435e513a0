package dev.parley.identity.web;

import java.util.List;

import dev.parley.identity.StaffPrincipal;
import dev.parley.identity.internal.Passkeys;
import dev.parley.identity.internal.SignIn;
import dev.parley.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own passkeys, his second factor beside (or instead of) the
 * authenticator app. A registration is two calls: the options (a challenge kept in the
 * session, used once), then what the browser's authenticator made of them. Under the
 * two-factor path, so a user whose role requires a second factor can register one before
 * anything else.
 */
@RestController
@RequestMapping("/api/v1/me/two-factor/passkeys")
class PasskeyController {

	/** The session attribute that holds a registration's options until it completes. */
	static final String OPTIONS = PasskeyController.class.getName() + ".options";

	private final Passkeys passkeys;

	private final SignIn signIn;

	PasskeyController(Passkeys passkeys, SignIn signIn) {
		this.passkeys = passkeys;
		this.signIn = signIn;
	}

	@GetMapping
	List<Passkeys.View> list(@AuthenticationPrincipal StaffPrincipal principal) {
		return this.passkeys.list(principal.id());
	}

	/** Starts a registration: {@code navigator.credentials.create()}'s options. */
	@PostMapping("/options")
	JsonNode options(@AuthenticationPrincipal StaffPrincipal principal, HttpServletRequest request) {
		PublicKeyCredentialCreationOptions options = this.passkeys.registrationOptions(principal.id(),
				this.passkeys.relyingParty(request));
		request.getSession(true).setAttribute(OPTIONS, options);
		return WebAuthnJson.write(options);
	}

	/**
	 * Completes the registration: {@code {"label": "...", "credential": {...}}}, the
	 * credential as the browser made it.
	 */
	@PostMapping
	ResponseEntity<Passkeys.Registered> register(@AuthenticationPrincipal StaffPrincipal principal,
			HttpServletRequest request) {
		JsonNode body = WebAuthnJson.body(request);
		String label = checkedLabel(body.path("label").isString() ? body.path("label").asString() : null);
		var credential = WebAuthnJson.attestation(body.get("credential"));
		HttpSession session = request.getSession(false);
		PublicKeyCredentialCreationOptions options = null;
		if (session != null) {
			options = (PublicKeyCredentialCreationOptions) session.getAttribute(OPTIONS);
			session.removeAttribute(OPTIONS);
		}
		Passkeys.Registered registered = this.passkeys.register(principal.id(), options, credential, label,
				this.passkeys.relyingParty(request));
		return ResponseEntity.status(HttpStatus.CREATED).body(registered);
	}

	@PutMapping("/{id}")
	Passkeys.View rename(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable long id,
			@Valid @RequestBody Label body) {
		return this.passkeys.rename(principal.id(), id, checkedLabel(body.label()));
	}

	/** Removes a passkey, after the password. */
	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@AuthenticationPrincipal StaffPrincipal principal, @PathVariable long id,
			@Valid @RequestBody TwoFactorController.Password body) {
		this.signIn.confirmPassword(principal.id(), body.currentPassword(), "passkey.removed");
		this.passkeys.remove(principal.id(), id);
		return ResponseEntity.noContent().build();
	}

	private static String checkedLabel(String label) {
		String stripped = (label != null) ? label.strip() : "";
		if (stripped.isEmpty()) {
			throw ApiException.invalid("label", "must not be blank");
		}
		if (stripped.length() > 64) {
			throw ApiException.invalid("label", "must be at most 64 characters");
		}
		return stripped;
	}

	record Label(@NotNull @NotBlank @Size(max = 64) String label) {
	}

}
