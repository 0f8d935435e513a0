package dev.parley.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.identity.internal.PasskeyRelyingParty.RelyingParty;
import dev.parley.platform.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second step of a sign-in whose password was right: a code from the authenticator
 * app, a passkey or a recovery code. Wrong codes and refused passkeys count against the
 * sign-in throttle exactly like wrong passwords (per account name, address and device),
 * and the waits they cause hold up further codes the same way; a code already used in its
 * time step is refused. A trusted device passes the account's wait as at the password
 * step, but never the second factor itself.
 */
@Service
public class SecondFactorSignIn {

	private final SignIn signIn;

	private final TwoFactor twoFactor;

	private final Passkeys passkeys;

	private final RecoveryCodes recoveryCodes;

	private final StaffUserRepository users;

	private final SignInThrottle throttle;

	private final AuditLog auditLog;

	private final Clock clock;

	SecondFactorSignIn(SignIn signIn, TwoFactor twoFactor, Passkeys passkeys, RecoveryCodes recoveryCodes,
			StaffUserRepository users, SignInThrottle throttle, AuditLog auditLog, Clock clock) {
		this.signIn = signIn;
		this.twoFactor = twoFactor;
		this.passkeys = passkeys;
		this.recoveryCodes = recoveryCodes;
		this.users = users;
		this.throttle = throttle;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * @param pending the sign-in waiting in the browser's session, or null
	 * @param address the client's address, or null
	 * @throws ApiException {@code no_pending_sign_in}, {@code malformed_code},
	 * {@code wrong_code}, {@code code_already_used}, {@code sign_in_throttled}
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public SignIn.SignedIn withCode(PendingSignIn pending, String code, String address) {
		Instant now = this.clock.instant();
		StaffUser user = pendingUser(pending, now);
		String digits = TwoFactor.checkedCode(code);
		waitIfThrottled(pending, address, now);
		switch (this.twoFactor.checkCode(user.id(), digits, now)) {
			case ACCEPTED -> {
				return this.signIn.complete(user, pending.deviceId(), now, "second factor: authenticator app");
			}
			case ALREADY_USED -> {
				failed(pending, address, now, "two-factor code used before");
				throw new ApiException(HttpStatus.UNAUTHORIZED, "code_already_used",
						"This code was used already; wait for the next one");
			}
			default -> {
				failed(pending, address, now, "wrong two-factor code");
				throw new ApiException(HttpStatus.UNAUTHORIZED, "wrong_code", "The code is wrong or expired");
			}
		}
	}

	/**
	 * @throws ApiException {@code no_pending_sign_in}, {@code malformed_recovery_code},
	 * {@code wrong_recovery_code}, {@code sign_in_throttled}
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public SignIn.SignedIn withRecoveryCode(PendingSignIn pending, String code, String address) {
		Instant now = this.clock.instant();
		StaffUser user = pendingUser(pending, now);
		String normalised = RecoveryCodes.checked(code);
		waitIfThrottled(pending, address, now);
		if (!this.recoveryCodes.use(user.id(), normalised, now)) {
			failed(pending, address, now, "wrong or used recovery code");
			throw new ApiException(HttpStatus.UNAUTHORIZED, "wrong_recovery_code",
					"The recovery code is wrong or was used already");
		}
		int left = this.recoveryCodes.left(user.id());
		this.auditLog.record(user.username(), "two_factor.recovery_code_used", user.username(), AuditResult.SUCCESS,
				left + " left");
		return this.signIn.complete(user, pending.deviceId(), now, "second factor: recovery code");
	}

	/**
	 * What the browser asks the user's authenticator to sign: a new challenge, for the
	 * passkeys of the user whose password was right.
	 * @throws ApiException {@code no_pending_sign_in}
	 */
	public PublicKeyCredentialRequestOptions passkeyOptions(PendingSignIn pending, RelyingParty party) {
		return this.passkeys.signInOptions(pendingUser(pending, this.clock.instant()), party);
	}

	/**
	 * Completes the sign-in with a passkey's assertion of the challenge given last.
	 * Refusals count against the throttle like wrong codes.
	 * @param options the options given with the challenge (used once), or null
	 * @throws ApiException {@code no_pending_sign_in}, {@code no_passkey_challenge},
	 * {@code passkey_rejected}, {@code sign_in_throttled}
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public SignIn.SignedIn withPasskey(PendingSignIn pending, PublicKeyCredentialRequestOptions options,
			PublicKeyCredential<AuthenticatorAssertionResponse> assertion, RelyingParty party, String address) {
		Instant now = this.clock.instant();
		StaffUser user = pendingUser(pending, now);
		if (options == null) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "no_passkey_challenge",
					"Start the passkey's sign-in again");
		}
		waitIfThrottled(pending, address, now);
		switch (this.passkeys.check(user, options, assertion, party)) {
			case ACCEPTED -> {
				return this.signIn.complete(user, pending.deviceId(), now, "second factor: passkey");
			}
			case REPLAYED -> {
				failed(pending, address, now, "passkey assertion replayed (signature count did not increase)");
				throw Passkeys.rejected();
			}
			default -> {
				failed(pending, address, now, "passkey refused");
				throw Passkeys.rejected();
			}
		}
	}

	private StaffUser pendingUser(PendingSignIn pending, Instant now) {
		if (pending == null || pending.expiredAt(now)) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "no_pending_sign_in",
					"Sign in with your password first; a sign-in waits five minutes for its second factor");
		}
		Optional<StaffUser> user = this.users.findById(pending.userId()).filter(StaffUser::enabled);
		if (user.isEmpty()) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "no_pending_sign_in", "Sign in with your password first");
		}
		return user.get();
	}

	private void waitIfThrottled(PendingSignIn pending, String address, Instant now) {
		if (pending.deviceId() != null && this.throttle.deviceTrusted(pending.deviceId(), now)) {
			return;
		}
		Optional<Instant> blocked = this.throttle.blockedUntil(pending.username(), address, now);
		if (blocked.isPresent()) {
			this.auditLog.record(pending.username(), "two_factor.failed", pending.username(), AuditResult.FAILURE,
					"codes wait until " + blocked.get());
			throw SignIn.throttled(blocked.get(), now);
		}
	}

	private void failed(PendingSignIn pending, String address, Instant now, String why) {
		this.signIn.failed("two_factor.failed", pending.username(), address, pending.deviceId(), now, why, true);
	}

}
