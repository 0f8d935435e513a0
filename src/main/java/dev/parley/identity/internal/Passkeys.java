package dev.parley.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.webauthn4j.util.exception.WebAuthnException;
import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.identity.internal.PasskeyRelyingParty.RelyingParty;
import dev.parley.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's passkeys, the second of his possible second factors (beside the
 * authenticator app, {@link TwoFactor}). Only the user registers, renames and removes his
 * own; an administrator's reset takes them all. The ceremonies are Spring Security's
 * ({@link PasskeyRelyingParty}); the challenge of each lives in the browser's session and
 * is used once. A user's first passkey, when he has no app, comes with recovery codes,
 * the fallback for a lost passkey. Every change is audited.
 */
@Service
public class Passkeys {

	private final PasskeyStore store;

	private final PasskeyRelyingParty relyingParty;

	private final RecoveryCodes recoveryCodes;

	private final TwoFactorRepository secrets;

	private final StaffUserRepository users;

	private final RoleRepository roles;

	private final AuditLog auditLog;

	private final Clock clock;

	Passkeys(PasskeyStore store, PasskeyRelyingParty relyingParty, RecoveryCodes recoveryCodes,
			TwoFactorRepository secrets, StaffUserRepository users, RoleRepository roles, AuditLog auditLog,
			Clock clock) {
		this.store = store;
		this.relyingParty = relyingParty;
		this.recoveryCodes = recoveryCodes;
		this.secrets = secrets;
		this.users = users;
		this.roles = roles;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** A passkey as its owner sees it; the key itself never leaves the server. */
	public record View(long id, String label, Set<String> transports, Instant createdAt, Instant lastUsedAt) {

		static View of(PasskeyStore.Passkey passkey) {
			return new View(passkey.id(), passkey.label(), passkey.transports(), passkey.createdAt(),
					passkey.lastUsedAt());
		}

	}

	/**
	 * @param recoveryCodes new recovery codes, shown this once, when this passkey is the
	 * user's first second factor; otherwise null
	 */
	public record Registered(View passkey, List<String> recoveryCodes) {
	}

	/** The outcome of a passkey given at sign-in. */
	enum Check {

		ACCEPTED, REJECTED, REPLAYED

	}

	public RelyingParty relyingParty(HttpServletRequest request) {
		return this.relyingParty.of(request);
	}

	public List<View> list(long userId) {
		user(userId);
		return this.store.list(userId).stream().map(View::of).toList();
	}

	/** Starts a registration: what the browser gives its authenticator. */
	@Transactional
	public PublicKeyCredentialCreationOptions registrationOptions(long userId, RelyingParty party) {
		StaffUser user = user(userId);
		return this.relyingParty.operations(party)
			.createPublicKeyCredentialCreationOptions(
					new ImmutablePublicKeyCredentialCreationOptionsRequest(authenticated(user)));
	}

	/**
	 * Verifies what the authenticator made for the options and stores the passkey.
	 * @param options the options of this registration, kept in the session, or null
	 * @throws ApiException {@code no_passkey_challenge}, {@code passkey_rejected}
	 */
	@Transactional
	public Registered register(long userId, PublicKeyCredentialCreationOptions options,
			PublicKeyCredential<AuthenticatorAttestationResponse> credential, String label, RelyingParty party) {
		StaffUser user = user(userId);
		if (options == null) {
			throw ApiException.conflict("no_passkey_challenge", "Start the passkey's registration again");
		}
		boolean first = !this.secrets.hasSecondFactor(userId);
		try {
			this.relyingParty.operations(party)
				.registerCredential(new ImmutableRelyingPartyRegistrationRequest(options,
						new RelyingPartyPublicKey(credential, label)));
		}
		catch (WebAuthnException | IllegalArgumentException ex) {
			this.auditLog.record(user.username(), "passkey.registered", user.username(), AuditResult.FAILURE,
					"refused: " + ex.getClass().getSimpleName());
			throw ApiException.badRequest("passkey_rejected", "The passkey could not be verified");
		}
		PasskeyStore.Passkey passkey = this.store.findOwn(userId, credential.getRawId()).orElseThrow();
		List<String> recoveryCodes = (first && this.secrets.recoveryCodesLeft(userId) == 0)
				? this.recoveryCodes.renew(userId, this.clock.instant()) : null;
		this.auditLog.record(user.username(), "passkey.registered", user.username(), AuditResult.SUCCESS,
				"\"" + label + "\"");
		return new Registered(View.of(passkey), recoveryCodes);
	}

	@Transactional
	public View rename(long userId, long id, String label) {
		StaffUser user = user(userId);
		PasskeyStore.Passkey passkey = own(userId, id);
		this.store.rename(userId, id, label);
		this.auditLog.record(user.username(), "passkey.renamed", user.username(), AuditResult.SUCCESS,
				"\"" + passkey.label() + "\" to \"" + label + "\"");
		return View.of(this.store.find(userId, id).orElseThrow());
	}

	/**
	 * Removes one of the user's passkeys (after the password was checked). The last
	 * second factor of a user whose role requires one stays; with the last one the
	 * recovery codes go too.
	 * @throws ApiException {@code not_found}, {@code two_factor_required_by_role}
	 */
	@Transactional
	public void remove(long userId, long id) {
		StaffUser user = user(userId);
		PasskeyStore.Passkey passkey = own(userId, id);
		boolean last = this.store.count(userId) == 1 && !this.secrets.confirmed(userId);
		if (last && this.roles.requiresTwoFactor(user.roleId())) {
			throw ApiException.conflict("two_factor_required_by_role", "Your role requires two-factor sign-in");
		}
		this.store.remove(userId, id);
		if (last) {
			this.secrets.removeRecoveryCodes(userId);
		}
		this.auditLog.record(user.username(), "passkey.removed", user.username(), AuditResult.SUCCESS,
				"\"" + passkey.label() + "\"");
	}

	/** What the browser asks the user's authenticator to sign at sign-in. */
	PublicKeyCredentialRequestOptions signInOptions(StaffUser user, RelyingParty party) {
		return this.relyingParty.operations(party)
			.createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(authenticated(user)));
	}

	/**
	 * Checks a passkey's assertion at sign-in: one of the user's passkeys signed this
	 * challenge, with a signature count above the last one.
	 */
	Check check(StaffUser user, PublicKeyCredentialRequestOptions options,
			PublicKeyCredential<AuthenticatorAssertionResponse> assertion, RelyingParty party) {
		var passkey = this.store.findOwn(user.id(), assertion.getRawId());
		if (passkey.isEmpty()) {
			return Check.REJECTED;
		}
		try {
			this.relyingParty.operations(party).authenticate(new RelyingPartyAuthenticationRequest(options, assertion));
		}
		catch (PasskeyStore.Replayed ex) {
			return Check.REPLAYED;
		}
		catch (WebAuthnException | IllegalArgumentException ex) {
			return Check.REJECTED;
		}
		this.auditLog.record(user.username(), "passkey.used", user.username(), AuditResult.SUCCESS,
				"\"" + passkey.get().label() + "\"");
		return Check.ACCEPTED;
	}

	private PasskeyStore.Passkey own(long userId, long id) {
		return this.store.find(userId, id).orElseThrow(() -> ApiException.notFound("Passkey"));
	}

	private StaffUser user(long id) {
		return this.users.findById(id).orElseThrow(() -> ApiException.notFound("User"));
	}

	/** Whom Spring's ceremonies make options for: the account by its name. */
	private static UsernamePasswordAuthenticationToken authenticated(StaffUser user) {
		return UsernamePasswordAuthenticationToken.authenticated(user.username(), null, List.of());
	}

	static ApiException rejected() {
		return new ApiException(HttpStatus.UNAUTHORIZED, "passkey_rejected", "The passkey could not be verified");
	}

}
