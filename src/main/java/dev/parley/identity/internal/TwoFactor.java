package dev.parley.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.administration.Settings;
import dev.parley.identity.StaffAccessChanged;
import dev.parley.platform.ApiException;
import dev.parley.platform.SecretBox;
import dev.parley.platform.StaffActor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's second factor: an authenticator app (TOTP, its secret sealed with the
 * {@link SecretBox}) or passkeys ({@link Passkeys}), and single-use
 * {@link RecoveryCodes}. Only the user enrols himself; an administrator can only take it
 * all away (the user enrols again). Every change is audited.
 */
@Service
public class TwoFactor {

	private static final Pattern CODE = Pattern.compile("[0-9]{6}");

	private final TwoFactorRepository secrets;

	private final PasskeyStore passkeys;

	private final RecoveryCodes recoveryCodes;

	private final TotpCodes codes;

	private final SecretBox box;

	private final StaffUserRepository users;

	private final RoleRepository roles;

	private final Settings settings;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TwoFactor(TwoFactorRepository secrets, PasskeyStore passkeys, RecoveryCodes recoveryCodes, TotpCodes codes,
			SecretBox box, StaffUserRepository users, RoleRepository roles, Settings settings, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock) {
		this.secrets = secrets;
		this.passkeys = passkeys;
		this.recoveryCodes = recoveryCodes;
		this.codes = codes;
		this.box = box;
		this.users = users;
		this.roles = roles;
		this.settings = settings;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param enabled whether the user signs in with a second factor (app or passkey)
	 * @param enabledAt when the app was confirmed, or null
	 * @param app whether the user has a confirmed authenticator app
	 * @param passkeys how many passkeys the user has
	 * @param requiredByRole whether the user's role demands one
	 */
	public record Status(boolean enabled, Instant enabledAt, int recoveryCodesLeft, boolean requiredByRole, boolean app,
			int passkeys) {
	}

	/** What the user sees once to set up the app: the secret as text and as QR code. */
	public record Enrolment(String secret, String otpauthUri, String qrCode) {
	}

	public Status status(long userId) {
		StaffUser user = user(userId);
		var secret = this.secrets.find(userId).filter(TwoFactorRepository.Secret::confirmed);
		int passkeys = this.passkeys.count(userId);
		boolean enabled = secret.isPresent() || passkeys > 0;
		return new Status(enabled, secret.map(TwoFactorRepository.Secret::confirmedAt).orElse(null),
				enabled ? this.secrets.recoveryCodesLeft(userId) : 0, this.roles.requiresTwoFactor(user.roleId()),
				secret.isPresent(), passkeys);
	}

	/**
	 * @return whether the user has a second factor: a confirmed app or a passkey
	 */
	public boolean enabled(long userId) {
		return this.secrets.hasSecondFactor(userId);
	}

	/**
	 * @return how the user can give his second factor at sign-in: {@code totp},
	 * {@code passkey}, {@code recovery_code}
	 */
	public List<String> signInMethods(long userId) {
		List<String> methods = new ArrayList<>();
		if (this.secrets.confirmed(userId)) {
			methods.add("totp");
		}
		if (this.passkeys.count(userId) > 0) {
			methods.add("passkey");
		}
		methods.add("recovery_code");
		return methods;
	}

	/**
	 * Starts (or starts again) the user's enrolment: a new secret, shown this once.
	 * @throws ApiException {@code two_factor_already_enabled}
	 */
	@Transactional
	public Enrolment begin(long userId) {
		StaffUser user = user(userId);
		if (this.secrets.confirmed(userId)) {
			throw ApiException.conflict("two_factor_already_enabled", "Two-factor sign-in is already on");
		}
		byte[] secret = this.codes.newSecret();
		this.secrets.begin(userId, this.box.seal(Base64.getEncoder().encodeToString(secret)), this.clock.instant());
		String issuer = this.settings.get("organisation.name");
		String uri = TotpCodes.otpauthUri((issuer == null || issuer.isBlank()) ? "Parley" : issuer, user.username(),
				secret);
		return new Enrolment(TotpCodes.base32(secret), uri, TotpCodes.qrCode(uri));
	}

	/**
	 * Confirms the enrolment with a code from the app.
	 * @return the recovery codes, shown this once
	 * @throws ApiException {@code malformed_code}, {@code wrong_code},
	 * {@code no_two_factor_enrolment}, {@code two_factor_already_enabled}
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public List<String> confirm(long userId, String code) {
		StaffUser user = user(userId);
		String digits = checkedCode(code);
		TwoFactorRepository.Secret secret = this.secrets.find(userId)
			.orElseThrow(() -> ApiException.conflict("no_two_factor_enrolment", "Start the enrolment first"));
		if (secret.confirmed()) {
			throw ApiException.conflict("two_factor_already_enabled", "Two-factor sign-in is already on");
		}
		Instant now = this.clock.instant();
		OptionalLong step = this.codes.matchingStep(open(secret), digits, now);
		if (step.isEmpty()) {
			this.auditLog.record(user.username(), "two_factor.failed", user.username(), AuditResult.FAILURE,
					"wrong code at enrolment");
			throw ApiException.badRequest("wrong_code", "The code is wrong or expired");
		}
		if (!this.secrets.confirm(userId, step.getAsLong(), now)) {
			throw ApiException.conflict("two_factor_already_enabled", "Two-factor sign-in is already on");
		}
		List<String> recoveryCodes = this.recoveryCodes.renew(userId, now);
		this.auditLog.record(user.username(), "two_factor.enrolled", user.username(), AuditResult.SUCCESS,
				"authenticator app");
		return recoveryCodes;
	}

	/**
	 * Replaces the user's recovery codes with new ones (after the password was checked).
	 * @throws ApiException {@code two_factor_not_enabled}
	 */
	@Transactional
	public List<String> renewRecoveryCodes(long userId) {
		StaffUser user = user(userId);
		if (!this.secrets.hasSecondFactor(userId)) {
			throw ApiException.conflict("two_factor_not_enabled", "Two-factor sign-in is off");
		}
		List<String> recoveryCodes = this.recoveryCodes.renew(userId, this.clock.instant());
		this.auditLog.record(user.username(), "two_factor.recovery_codes_renewed", user.username(), AuditResult.SUCCESS,
				null);
		return recoveryCodes;
	}

	/**
	 * The user turns his own authenticator app off (after the password was checked). His
	 * passkeys stay, and with them the recovery codes; without passkeys the codes go too.
	 * @throws ApiException {@code two_factor_required_by_role},
	 * {@code two_factor_not_enabled}
	 */
	@Transactional
	public void removeOwn(long userId) {
		StaffUser user = user(userId);
		boolean passkeysLeft = this.passkeys.count(userId) > 0;
		if (!passkeysLeft && this.roles.requiresTwoFactor(user.roleId())) {
			throw ApiException.conflict("two_factor_required_by_role", "Your role requires two-factor sign-in");
		}
		if (!this.secrets.removeApp(userId)) {
			throw ApiException.conflict("two_factor_not_enabled", "Two-factor sign-in is off");
		}
		if (!passkeysLeft) {
			this.secrets.removeRecoveryCodes(userId);
		}
		this.auditLog.record(user.username(), "two_factor.removed", user.username(), AuditResult.SUCCESS, null);
	}

	/**
	 * An administrator takes a user's second factor away (a lost phone): the app secret,
	 * the passkeys and the recovery codes are removed, every session of the user ends,
	 * and the user enrols again if the role requires it.
	 */
	@Transactional
	public void reset(long userId, StaffActor actor) {
		StaffUser user = user(userId);
		int passkeys = this.passkeys.removeAll(userId);
		boolean had = this.secrets.remove(userId) || passkeys > 0;
		this.users.raiseSessionVersion(userId);
		this.auditLog.record(actor.username(), "two_factor.reset", user.username(), AuditResult.SUCCESS,
				had ? ((passkeys > 0) ? passkeys + " passkey(s) removed" : null) : "nothing was enrolled");
		this.events.publishEvent(StaffAccessChanged.of(Set.of(userId), StaffAccessChanged.Reason.TWO_FACTOR_RESET));
	}

	/** The outcome of a code given at sign-in. */
	enum Check {

		ACCEPTED, WRONG, ALREADY_USED

	}

	/**
	 * Checks an app code at sign-in, and takes its time step as used.
	 * @param digits six digits, checked by {@link #checkedCode}
	 */
	Check checkCode(long userId, String digits, Instant now) {
		var secret = this.secrets.find(userId).filter(TwoFactorRepository.Secret::confirmed);
		if (secret.isEmpty()) {
			return Check.WRONG;
		}
		OptionalLong step = this.codes.matchingStep(open(secret.get()), digits, now);
		if (step.isEmpty()) {
			return Check.WRONG;
		}
		return this.secrets.useStep(userId, step.getAsLong()) ? Check.ACCEPTED : Check.ALREADY_USED;
	}

	/**
	 * @return the code's six digits (spaces the user typed are left out)
	 * @throws ApiException {@code malformed_code}
	 */
	static String checkedCode(String code) {
		String digits = (code != null) ? code.replace(" ", "") : "";
		if (!CODE.matcher(digits).matches()) {
			throw ApiException.badRequest("malformed_code", "A code is six digits");
		}
		return digits;
	}

	private byte[] open(TwoFactorRepository.Secret secret) {
		return Base64.getDecoder().decode(this.box.open(secret.sealedSecret()));
	}

	private StaffUser user(long id) {
		return this.users.findById(id).orElseThrow(() -> ApiException.notFound("User"));
	}

}
