package dev.parley.identity.web;

import dev.parley.identity.internal.Passkeys;
import dev.parley.identity.internal.PendingSignIn;
import dev.parley.identity.internal.SecondFactorSignIn;
import dev.parley.identity.internal.SignIn;
import dev.parley.platform.AllowedDuringMaintenance;
import dev.parley.platform.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import tools.jackson.databind.JsonNode;

import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The second step of a sign-in with a passkey: the options of a challenge for the
 * passkeys of the user whose password was right (kept in the session, used once), then
 * the authenticator's signature of it, which completes the sign-in exactly as a code does
 * ({@link SessionController}). Open during maintenance, like the password step.
 */
@RestController
@RequestMapping("/api/v1/session/second-factor/passkey")
class PasskeySignInController {

	static final String OPTIONS = PasskeySignInController.class.getName() + ".options";

	private final SecondFactorSignIn secondFactor;

	private final Passkeys passkeys;

	private final SessionController sessions;

	PasskeySignInController(SecondFactorSignIn secondFactor, Passkeys passkeys, SessionController sessions) {
		this.secondFactor = secondFactor;
		this.passkeys = passkeys;
		this.sessions = sessions;
	}

	/** {@code navigator.credentials.get()}'s options. */
	@PostMapping("/options")
	@AllowedDuringMaintenance
	JsonNode options(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		PublicKeyCredentialRequestOptions options = this.secondFactor.passkeyOptions(pending(session),
				this.passkeys.relyingParty(request));
		session.setAttribute(OPTIONS, options);
		return WebAuthnJson.write(options);
	}

	/** The credential as the browser got it from the authenticator. */
	@PostMapping
	@AllowedDuringMaintenance
	SessionController.Me signIn(HttpServletRequest request, HttpServletResponse response) {
		var assertion = WebAuthnJson.assertion(WebAuthnJson.body(request));
		HttpSession session = request.getSession(false);
		PublicKeyCredentialRequestOptions options = null;
		if (session != null) {
			options = (PublicKeyCredentialRequestOptions) session.getAttribute(OPTIONS);
			session.removeAttribute(OPTIONS);
		}
		SignIn.SignedIn signedIn = this.secondFactor.withPasskey(pending(session), options, assertion,
				this.passkeys.relyingParty(request), ClientAddress.current());
		return this.sessions.signedIn(signedIn, request, response);
	}

	private static PendingSignIn pending(HttpSession session) {
		return (session != null) ? (PendingSignIn) session.getAttribute(PendingSignIn.ATTRIBUTE) : null;
	}

}
